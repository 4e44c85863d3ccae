package io.mxcp.mcp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.core.api.Project;
import io.mxcp.core.api.PythonFloats;
import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.McpServerService;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.api.ServerConfigException;
import io.mxcp.mcp.internal.auth.AuthServices;
import io.mxcp.mcp.internal.auth.AuthSettings;
import io.mxcp.mcp.internal.auth.BearerGate;
import io.mxcp.mcp.internal.http.HttpTransport;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.oauth.AuthorizationServer;
import io.mxcp.mcp.internal.oauth.IssuerSettings;
import io.mxcp.mcp.internal.oauth.IssuerUrls;
import io.mxcp.mcp.internal.protocol.McpEngine;
import io.mxcp.mcp.internal.protocol.ServerInfo;
import io.mxcp.mcp.internal.stdio.StdioServer;
import io.mxcp.sdk.auth.AuthException;

/**
 * Builds a protocol engine for the project (catalogs computed once per start) and puts a transport in front of
 * it. The HTTP stack is touched only inside {@link #startHttp}. The profile's {@code auth} block is read here, once
 * per start (spec 03: authentication settings are not reloaded).
 */
public final class McpServerFactory implements McpServerService {
    private final String version;
    private final AuthServices authServices;

    public McpServerFactory(String version, AuthServices authServices) {
        this.version = version;
        this.authServices = authServices;
    }

    @Override
    public void checkPort(HttpServerOptions options) throws IOException {
        HttpTransport.checkPort(options);
    }

    @Override
    public RunningServer startHttp(Project project, HttpServerOptions options) throws IOException {
        AuthSettings auth = AuthSettings.of(project);
        if (auth.enabled() && options.corsOrigins().contains("*")) {
            throw new ServerConfigException("transport.http.cors_origins '*' cannot be combined with authentication: "
                    + "list the origins browsers may call the server from");
        }
        String baseUrl = baseUrl(project);
        JsonRpcCodec codec = new JsonRpcCodec(new ObjectMapper(PythonFloats.factory()));
        AuthorizationServer authorizationServer = auth.enabled() && auth.issuerMode()
                ? AuthorizationServer.open(auth, IssuerSettings.parse(auth), new IssuerUrls(baseUrl),
                        authServices.providers(), codec.mapper())
                : null;
        BearerGate gate;
        try {
            gate = authorizationServer != null ? new BearerGate(auth, authorizationServer.authority())
                    : auth.enabled() ? BearerGate.verifying(auth, authServices.verifiers()) : BearerGate.OFF;
        } catch (AuthException e) {
            throw new ServerConfigException(e.getMessage(), e);
        }
        try {
            return HttpTransport.start(engine(project, codec), codec, options, gate, baseUrl, authorizationServer);
        } catch (IOException | RuntimeException e) {
            gate.close();
            if (authorizationServer != null) {
                authorizationServer.close();
            }
            throw e;
        }
    }

    /**
     * Refused when the profile configures authentication: stdio carries no bearer token, and serving the endpoints
     * anonymously would bypass what the operator configured.
     */
    @Override
    public RunningServer startStdio(Project project, InputStream in, OutputStream out) throws IOException {
        AuthSettings auth = AuthSettings.of(project);
        if (auth.enabled()) {
            throw new ServerConfigException("The profile '" + project.profile() + "' configures authentication (auth.provider: "
                    + auth.provider() + "), which protects the HTTP transport only: stdio carries no bearer token. "
                    + "Serve over streamable-http, or use a profile without auth for stdio");
        }
        JsonRpcCodec codec = new JsonRpcCodec(new ObjectMapper(PythonFloats.factory()));
        return StdioServer.start(engine(project, codec), codec, in, out);
    }

    private McpEngine engine(Project project, JsonRpcCodec codec) {
        return new McpEngine(project, new ServerInfo(project.name(), version), codec.mapper());
    }

    private static String baseUrl(Project project) {
        return project.userConfig().get("transport") instanceof Map<?, ?> transport
                && transport.get("http") instanceof Map<?, ?> http && http.get("base_url") instanceof String base
                        ? base : null;
    }
}
