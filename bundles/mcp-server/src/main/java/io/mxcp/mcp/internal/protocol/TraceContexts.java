package io.mxcp.mcp.internal.protocol;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.sdk.telemetry.TraceContext;

/**
 * The W3C trace context a call continues (spec 04b §2): {@code traceparent}/{@code tracestate} in the request's
 * {@code _meta} (any era), else the HTTP headers of the same names — what an instrumented client or gateway sends.
 */
final class TraceContexts {

    private TraceContexts() {
    }

    /** @return null when the request carries no {@code traceparent} */
    static TraceContext of(ObjectNode params, Map<String, String> requestHeaders) {
        JsonNode meta = params == null ? null : params.get("_meta");
        if (meta != null && meta.path("traceparent").isTextual()) {
            JsonNode state = meta.path("tracestate");
            return new TraceContext(meta.path("traceparent").asText(), state.isTextual() ? state.asText() : null);
        }
        String header = requestHeaders.get("traceparent");
        return header == null ? null : new TraceContext(header, requestHeaders.get("tracestate"));
    }
}
