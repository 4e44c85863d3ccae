package io.mxcp.mcp.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.Messages;
import io.mxcp.sdk.telemetry.TraceContext;

/** Where a call finds the trace context it continues: the request's _meta first, then the HTTP headers. */
class TraceContextsTest {
    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void metaWinsOverHeadersAndNeitherMeansNone() {
        ObjectNode params = (ObjectNode) Messages.parse("{\"name\":\"t\",\"_meta\":{\"traceparent\":\"" + PARENT
                + "\",\"tracestate\":\"a=1\"}}");
        Map<String, String> headers = Map.of("traceparent", "00-11111111111111111111111111111111-2222222222222222-01");
        assertEquals(new TraceContext(PARENT, "a=1"), TraceContexts.of(params, headers));
        assertEquals(new TraceContext(headers.get("traceparent"), null),
                TraceContexts.of((ObjectNode) Messages.parse("{\"name\":\"t\"}"), headers));
        assertNull(TraceContexts.of((ObjectNode) Messages.parse("{\"name\":\"t\",\"_meta\":{\"traceparent\":5}}"),
                Map.of()), "a traceparent that is not text is no context");
    }
}
