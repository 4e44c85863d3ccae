package io.mxcp.mcp.internal.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC error to send back instead of a result, with the HTTP status a streamable HTTP answer carries
 * (200 unless the spec assigns one: 400 for header and envelope rejections, 404 for unknown modern methods).
 */
public final class JsonRpcException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final transient JsonNode data;
    private final int httpStatus;

    public JsonRpcException(int code, String message, JsonNode data, int httpStatus) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    /** The error's {@code data} member, or null. */
    public JsonNode data() {
        return data;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
