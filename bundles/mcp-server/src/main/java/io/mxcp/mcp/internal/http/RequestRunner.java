package io.mxcp.mcp.internal.http;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.mxcp.core.api.AuditCaller;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;
import io.mxcp.mcp.internal.protocol.Classification;
import io.mxcp.mcp.internal.protocol.McpEngine;
import io.mxcp.mcp.internal.protocol.NotificationChannel;
import io.mxcp.mcp.internal.protocol.RequestContext;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.Cancellation;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;

/**
 * Runs one POSTed request on its worker thread and encodes the answer. While it runs, the call is tracked: a stop
 * of the server cancels it, and so does its session's {@code notifications/cancelled}, after which it gets no answer.
 */
final class RequestRunner {
    private static final System.Logger LOG = System.getLogger(RequestRunner.class.getName());
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");

    /**
     * @param status    the HTTP status of the answer when it is sent alone
     * @param response  the JSON-RPC response
     * @param failed    the response is an error
     * @param withdrawn the client cancelled the request: it gets no answer (spec 04 §5)
     */
    record Outcome(int status, byte[] response, boolean failed, boolean withdrawn) {
    }

    private final McpEngine engine;
    private final JsonRpcCodec codec;
    private final RunningCalls running;
    private final boolean withoutCredentials;

    /** @param withoutCredentials whether authentication is on, which keeps the client's credentials from endpoints */
    RequestRunner(McpEngine engine, JsonRpcCodec codec, RunningCalls running, boolean withoutCredentials) {
        this.engine = engine;
        this.codec = codec;
        this.running = running;
        this.withoutCredentials = withoutCredentials;
    }

    /**
     * @param session the session whose {@code notifications/cancelled} may withdraw the request, or null
     * @param legacy  the session whose state the request sees and under which it is audited (an {@code initialize}'s
     *                new one), or null
     */
    Outcome run(JsonRpcMessage request, Classification classification, HeaderMap headers, Cancellation cancellation,
            NotificationChannel channel, LegacySession session, LegacySession legacy, UserContext user) {
        if (session != null && !session.track(request.id(), cancellation)) {
            JsonRpcException inUse = JsonRpcErrors.idInUse(request.id());
            return new Outcome(inUse.httpStatus(), codec.error(request.id(), inUse), true, false);
        }
        int status = 200;
        byte[] response;
        boolean failed = false;
        boolean withdrawn = false;
        try (RunningCalls.Tracked tracked = running.track(cancellation)) {
            response = codec.result(request.id(), engine.handle(request, new RequestContext(classification,
                    lowerCased(headers), cancellation, channel, legacy == null ? null : legacy.state(),
                    new AuditCaller("http", legacy == null ? null : legacy.id()), user)));
        } catch (JsonRpcException e) {
            status = e.httpStatus();
            response = codec.error(request.id(), e);
            failed = true;
        } catch (RuntimeException | Error e) {
            // a request is answered whatever happened to it (an OutOfMemoryError while its result was written, say)
            LOG.log(System.Logger.Level.ERROR, request.method() + " failed", e);
            JsonRpcException internal = JsonRpcErrors.unexpected(request.method(), e);
            status = internal.httpStatus();
            response = codec.error(request.id(), internal);
            failed = true;
        } finally {
            if (session != null) {
                withdrawn = session.untrack(request.id(), cancellation);
            }
        }
        return new Outcome(status, response, failed, withdrawn);
    }

    /**
     * The request's headers for the core: names lower-cased, first value of each. With authentication on, the
     * credentials are left out: an endpoint never sees (nor can pass on, or log) the client's token for this server;
     * it gets the user's upstream token as the external token instead.
     */
    private Map<String, String> lowerCased(HeaderMap headers) {
        Map<String, String> map = new HashMap<>(headers.size() * 2);
        for (HeaderValues values : headers) {
            String name = values.getHeaderName().toString().toLowerCase(Locale.ROOT);
            if (!withoutCredentials || !CREDENTIAL_HEADERS.contains(name)) {
                map.put(name, values.getFirst());
            }
        }
        return map;
    }
}
