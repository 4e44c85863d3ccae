package io.mxcp.mcp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.mxcp.core.api.Project;
import io.mxcp.kernel.api.KernelEnvironment;
import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.McpServerService;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.auth.AuthServices;
import io.mxcp.sdk.auth.AuthProvider;
import io.mxcp.sdk.auth.TokenVerifierProvider;

/**
 * The MCP server service. Activation only records the product version: no HTTP, JSON or protocol class is
 * loaded until a server is started, so commands other than {@code serve} do not pay for them.
 */
@Component(service = McpServerService.class)
public final class McpServerComponent implements McpServerService {
    private final AuthServices authServices = new AuthServices();
    private final McpServerFactory factory;

    @Activate
    public McpServerComponent(@Reference KernelEnvironment environment) {
        this.factory = new McpServerFactory(environment.version(), authServices);
    }

    /** Token verifiers come and go with their bundles; a running server's gate uses the newest one. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindTokenVerifier(TokenVerifierProvider provider) {
        authServices.verifiers().add(provider);
    }

    void unbindTokenVerifier(TokenVerifierProvider provider) {
        authServices.verifiers().remove(provider);
    }

    /** Upstream logins (issuer mode) likewise: the next sign-in uses the newest one. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAuthProvider(AuthProvider provider) {
        authServices.providers().add(provider);
    }

    void unbindAuthProvider(AuthProvider provider) {
        authServices.providers().remove(provider);
    }

    @Override
    public RunningServer startHttp(Project project, HttpServerOptions options) throws IOException {
        return factory.startHttp(project, options);
    }

    @Override
    public void checkPort(HttpServerOptions options) throws IOException {
        factory.checkPort(options);
    }

    @Override
    public RunningServer startStdio(Project project, InputStream in, OutputStream out) throws IOException {
        return factory.startStdio(project, in, out);
    }
}
