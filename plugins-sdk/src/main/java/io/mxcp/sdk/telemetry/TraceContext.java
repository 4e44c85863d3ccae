package io.mxcp.sdk.telemetry;

/**
 * A caller's W3C trace context, which a call continues: the {@code traceparent} and {@code tracestate} it sent (in a
 * modern MCP request's {@code _meta}, or as HTTP headers).
 *
 * @param traceparent {@code 00-<trace id>-<parent span id>-<flags>}, as sent (a provider ignores a malformed one)
 * @param tracestate  the vendor entries, or null
 * @since 1.1
 */
public record TraceContext(String traceparent, String tracestate) {
}
