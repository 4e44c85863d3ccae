package io.mxcp.mcp.internal.jsonrpc;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.api.HeapExhaustion;

/** The JSON-RPC and MCP error codes, and factories for the errors this server sends. */
public final class JsonRpcErrors {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Implementation-defined transport errors (the SDKs' choice for session and HTTP-level refusals). */
    public static final int SERVER_ERROR = -32000;
    public static final int SESSION_NOT_FOUND = -32001;
    /** 2025-era resource not found (modern form uses {@link #INVALID_PARAMS}). */
    public static final int RESOURCE_NOT_FOUND = -32002;
    public static final int HEADER_MISMATCH = -32020;
    public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    private static final int OK = 200;
    private static final int BAD_REQUEST = 400;
    private static final int NOT_FOUND = 404;

    private JsonRpcErrors() {
    }

    public static JsonRpcException parseError(String detail) {
        return new JsonRpcException(PARSE_ERROR, "Parse error: " + detail, null, BAD_REQUEST);
    }

    public static JsonRpcException invalidRequest(String detail) {
        return new JsonRpcException(INVALID_REQUEST, "Invalid Request: " + detail, null, BAD_REQUEST);
    }

    /**
     * A request whose id a call or listen stream of the same client still uses: JSON-RPC ids are unique per
     * requester, and a second one would make the answers and a {@code notifications/cancelled} ambiguous.
     */
    public static JsonRpcException idInUse(JsonNode id) {
        return invalidRequest("request id " + id + " is in use by a request still in progress");
    }

    /**
     * What escaped a request's handling (it is answered whatever happened). A full heap is said as the pipeline says
     * it for a call: while the answer was written, the calls beside it may have taken the memory.
     */
    public static JsonRpcException unexpected(String method, Throwable failure) {
        if (HeapExhaustion.is(failure)) {
            return internalError(method + " failed: " + HeapExhaustion.message("writing the answer"));
        }
        return internalError(method + " failed: " + failure);
    }

    /** Unknown method; {@code modern} answers carry HTTP 404 (spec 04b §3). */
    public static JsonRpcException methodNotFound(String method, boolean modern) {
        return new JsonRpcException(METHOD_NOT_FOUND, "Method not found: " + method, null, modern ? NOT_FOUND : OK);
    }

    public static JsonRpcException invalidParams(String message) {
        return new JsonRpcException(INVALID_PARAMS, message, null, OK);
    }

    /** A modern request whose {@code _meta} envelope is incomplete (HTTP 400). */
    public static JsonRpcException invalidEnvelope(String message) {
        return new JsonRpcException(INVALID_PARAMS, message, null, BAD_REQUEST);
    }

    public static JsonRpcException internalError(String message) {
        return new JsonRpcException(INTERNAL_ERROR, message, null, OK);
    }

    public static JsonRpcException resourceNotFound(String uri, boolean modern) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("uri", uri);
        return new JsonRpcException(modern ? INVALID_PARAMS : RESOURCE_NOT_FOUND, "Resource not found: " + uri, data,
                OK);
    }

    /** A legacy HTTP request without {@code Mcp-Session-Id} on a stateful server. */
    public static JsonRpcException sessionRequired() {
        return new JsonRpcException(SERVER_ERROR, "Bad Request: Mcp-Session-Id header is required", null, BAD_REQUEST);
    }

    public static JsonRpcException sessionNotFound(String sessionId) {
        return new JsonRpcException(SESSION_NOT_FOUND, "Session not found: " + sessionId, null, NOT_FOUND);
    }

    /** Whether the error is {@link #sessionNotFound}'s. */
    public static boolean isSessionNotFound(JsonRpcException error) {
        return error.code() == SESSION_NOT_FOUND;
    }

    /** An HTTP-level refusal (method not allowed, not acceptable, forbidden origin) with its status. */
    public static JsonRpcException transport(int httpStatus, String message) {
        return new JsonRpcException(SERVER_ERROR, message, null, httpStatus);
    }

    public static JsonRpcException headerMismatch(String message) {
        return new JsonRpcException(HEADER_MISMATCH, "Header mismatch: " + message, null, BAD_REQUEST);
    }

    /** The request needs client capabilities it did not declare; {@code required} is a ClientCapabilities object. */
    public static JsonRpcException missingClientCapability(ObjectNode required) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("requiredCapabilities", required);
        return new JsonRpcException(MISSING_REQUIRED_CLIENT_CAPABILITY,
                "Missing required client capabilities: " + String.join(", ", iterable(required)), data, BAD_REQUEST);
    }

    /** {@code requested} may be null when the request named no version. */
    public static JsonRpcException unsupportedVersion(String requested, List<String> supported) {
        return unsupportedVersion(requested, supported, "");
    }

    /** @param why what follows the message when the version is one of {@code supported} but not here */
    public static JsonRpcException unsupportedVersion(String requested, List<String> supported, String why) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode list = data.putArray("supported");
        supported.forEach(list::add);
        if (requested != null) {
            data.put("requested", requested);
        }
        String message = (requested == null ? "Unsupported protocol version: the request named none"
                : "Unsupported protocol version: " + requested) + why;
        return new JsonRpcException(UNSUPPORTED_PROTOCOL_VERSION, message, data, BAD_REQUEST);
    }

    private static Iterable<String> iterable(JsonNode object) {
        return object::fieldNames;
    }
}
