package io.mxcp.mcp.internal.protocol;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;
import io.mxcp.mcp.internal.jsonrpc.RpcResult;
import io.mxcp.sdk.exec.CancellationSignal;

/**
 * {@code serve --debug}'s line per MCP request, on any transport: the method, the endpoint it names, whether it was
 * answered (with a tool error, for a tool that failed), cancelled by the client, or refused with a JSON-RPC error,
 * and how long it took ({@code tools/call echo: answered in 2.1 ms}). A failed endpoint's reason is its own WARN
 * line ({@link EndpointMethods}). Off unless the logger is at DEBUG.
 */
final class RequestLog {

    private static final System.Logger LOG = System.getLogger(RequestLog.class.getName());

    private RequestLog() {
    }

    /** When the request started, or 0 when nothing is logged. */
    static long start() {
        return LOG.isLoggable(System.Logger.Level.DEBUG) ? System.nanoTime() : 0;
    }

    /** @param cancellation the request's, or null; a cancelled call's tool error is the cancellation's */
    static void answered(JsonRpcMessage request, long started, RpcResult result, CancellationSignal cancellation) {
        if (started != 0) {
            log(request, cancellation != null && cancellation.isCancelled() ? "cancelled by the client"
                    : isToolError(result) ? "answered with a tool error" : "answered", started);
        }
    }

    /** A tool's failure is a result ({@code isError}), not a JSON-RPC error; a fast-path result is its JSON text. */
    private static boolean isToolError(RpcResult result) {
        return result.tree() != null ? result.tree().path("isError").asBoolean()
                : result.raw() != null && result.raw().contains("\"isError\":true");
    }

    static void refused(JsonRpcMessage request, long started, JsonRpcException error) {
        if (started != 0) {
            log(request, "error " + error.code() + " (" + error.getMessage() + ")", started);
        }
    }

    private static void log(JsonRpcMessage request, String outcome, long started) {
        double millis = (System.nanoTime() - started) / 1e6;
        LOG.log(System.Logger.Level.DEBUG, request.method() + named(request) + ": " + outcome + " in "
                + String.format(Locale.ROOT, "%.1f", millis) + " ms");
    }

    /** {@code " echo"} for a tool or prompt, {@code " data://x"} for a resource, else nothing. */
    private static String named(JsonRpcMessage request) {
        JsonNode params = request.params();
        if (params == null) {
            return "";
        }
        JsonNode name = params.has("name") ? params.get("name") : params.get("uri");
        return name != null && name.isTextual() ? " " + name.asText() : "";
    }
}
