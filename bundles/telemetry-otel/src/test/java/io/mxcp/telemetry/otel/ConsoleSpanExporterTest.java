package io.mxcp.telemetry.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.sdk.telemetry.TelemetrySettings;
import io.mxcp.sdk.telemetry.TelemetrySpan;

/** {@code tracing.console_export}: finished spans as JSON lines on the stream given (standard error in the bundle). */
class ConsoleSpanExporterTest {

    @Test
    void eachFinishedSpanIsOneJsonLineWithItsIdsStatusAndAttributes() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TelemetrySettings settings = new TelemetrySettings(null, Map.of(), Map.of("service.name", "mxcp"), true,
                true, false, Duration.ofSeconds(60));
        OtelTelemetry telemetry = OtelTelemetry.start(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
        TelemetrySpan root = telemetry.startSpan("mxcp.endpoint.execute", null);
        root.setAttribute("mxcp.endpoint.name", "hello \"world\"");
        root.setAttribute("mxcp.policy.rules_evaluated", 2);
        TelemetrySpan child = telemetry.startSpan("mxcp.duckdb.execute", root);
        child.recordError(new RuntimeException("boom"));
        child.end();
        root.end();
        telemetry.close();

        String[] lines = printed.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(2, lines.length, printed.toString(StandardCharsets.UTF_8));
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        JsonNode second = json.readTree(lines[1]);
        assertEquals("mxcp.duckdb.execute", first.get("name").asText());
        assertEquals("ERROR", first.get("status").asText());
        assertEquals("boom", first.get("status_message").asText());
        assertEquals(second.get("span_id").asText(), first.get("parent_id").asText());
        assertTrue(second.get("parent_id").isNull());
        assertEquals("hello \"world\"", second.get("attributes").get("mxcp.endpoint.name").asText());
        assertEquals(2, second.get("attributes").get("mxcp.policy.rules_evaluated").asLong());
        assertEquals(root.traceId(), second.get("trace_id").asText());
    }

}
