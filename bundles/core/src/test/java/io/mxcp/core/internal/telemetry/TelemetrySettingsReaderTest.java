package io.mxcp.core.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.sdk.telemetry.TelemetrySettings;

/** The profile's {@code telemetry} block and the environment's overrides (spec 03 §6.1). */
class TelemetrySettingsReaderTest {

    private static final String AT = "projects.demo.profiles.prod.telemetry";
    private static final ServedIdentity SERVER = new ServedIdentity("demo", "prod", "1.2.3", "stdio");

    private final Map<String, String> env = new HashMap<>();

    @Test
    void noBlockAndNoEnvironmentMeansTelemetryOff() throws Exception {
        assertEquals(Optional.empty(), read(null));
        assertEquals(Optional.empty(), read(Map.of("endpoint", "http://c:4318")), "enabled defaults to false");
    }

    @Test
    void anEnabledBlockGetsTheDefaultsOfTheReference() throws Exception {
        TelemetrySettings settings = read(Map.of("enabled", true)).orElseThrow();
        assertEquals(null, settings.endpoint());
        assertTrue(settings.tracing() && settings.metrics());
        assertFalse(settings.consoleExport());
        assertEquals(Duration.ofSeconds(60), settings.metricInterval());
        assertEquals(Map.of("service.name", "mxcp", "service.version", "1.2.3", "deployment.environment", "prod",
                "mxcp.project", "demo", "mxcp.profile", "prod"), settings.resource());
    }

    @Test
    void aSignalBlockWithoutEnabledLeavesTheSignalOn() throws Exception {
        TelemetrySettings settings = read(Map.of("enabled", true, "tracing", Map.of("console_export", true),
                "metrics", Map.of("export_interval", 5))).orElseThrow();
        assertTrue(settings.tracing(), "the original turned tracing off here (quirk Q24)");
        assertTrue(settings.consoleExport());
        assertTrue(settings.metrics());
        assertEquals(Duration.ofSeconds(5), settings.metricInterval());
        assertEquals(Optional.empty(), read(Map.of("enabled", true, "tracing", Map.of("enabled", false),
                "metrics", Map.of("enabled", false))), "both signals off: nothing to start");
    }

    @Test
    void theFileBlockIsReadWhole() throws Exception {
        TelemetrySettings settings = read(Map.of("enabled", true, "endpoint", "https://otel.example.com/",
                "headers", Map.of("x-api-key", "k"), "service_name", "billing", "service_version", "7",
                "environment", "staging", "resource_attributes", Map.of("team", "data", "replicas", 3)))
                .orElseThrow();
        assertEquals(URI.create("https://otel.example.com/"), settings.endpoint());
        assertEquals(Map.of("x-api-key", "k"), settings.headers());
        assertEquals(Map.of("service.name", "billing", "service.version", "7", "deployment.environment", "staging",
                "mxcp.project", "demo", "mxcp.profile", "prod", "team", "data", "replicas", "3"), settings.resource());
    }

    @Test
    void theEnvironmentOverridesTheFileKeyByKey() throws Exception {
        env.put("MXCP_TELEMETRY_ENABLED", "yes");
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
        env.put("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Basic%20YWxh+Yg==, x-tenant = t1");
        env.put("OTEL_SERVICE_NAME", "from-env");
        env.put("OTEL_RESOURCE_ATTRIBUTES", "region=eu");
        env.put("MXCP_TELEMETRY_TRACING_CONSOLE", "1");
        env.put("MXCP_TELEMETRY_METRICS_INTERVAL", "10");
        TelemetrySettings settings = read(Map.of("enabled", false, "endpoint", "http://file:4318",
                "headers", Map.of("x-api-key", "k"), "resource_attributes", Map.of("team", "data"))).orElseThrow();
        assertEquals(URI.create("http://collector:4318"), settings.endpoint());
        assertEquals(Map.of("Authorization", "Basic YWxh+Yg==", "x-tenant", "t1"), settings.headers());
        assertEquals("from-env", settings.resource().get("service.name"));
        assertEquals("eu", settings.resource().get("region"));
        assertFalse(settings.resource().containsKey("team"), "the variable replaces the file's map");
        assertTrue(settings.consoleExport());
        assertTrue(settings.tracing(), "the console switch alone does not turn tracing off (quirk Q24)");
        assertEquals(Duration.ofSeconds(10), settings.metricInterval());
    }

    @Test
    void theEnvironmentAloneCanTurnTelemetryOnAndOff() throws Exception {
        env.put("MXCP_TELEMETRY_ENABLED", "true");
        assertTrue(read(null).isPresent());
        env.put("MXCP_TELEMETRY_ENABLED", "0");
        assertEquals(Optional.empty(), read(Map.of("enabled", true)));
    }

    @Test
    void badSwitchesAndIntervalsInTheEnvironmentAreIgnored() throws Exception {
        env.put("MXCP_TELEMETRY_ENABLED", "maybe");
        env.put("MXCP_TELEMETRY_METRICS_INTERVAL", "soon");
        TelemetrySettings settings = read(Map.of("enabled", true, "metrics", Map.of("export_interval", 30)))
                .orElseThrow();
        assertEquals(Duration.ofSeconds(30), settings.metricInterval());
        env.put("MXCP_TELEMETRY_METRICS_INTERVAL", "0");
        assertEquals(Duration.ofSeconds(30), read(Map.of("enabled", true, "metrics", Map.of("export_interval", 30)))
                .orElseThrow().metricInterval());
    }

    @Test
    void aBadValueIsAnErrorNamingItsKeyOrVariable() {
        assertEquals(AT + ".endpoint is not an http(s) URL: it has no scheme (write https://…)",
                error(Map.of("enabled", true, "endpoint", "collector")));
        assertEquals(AT + ".metrics.export_interval: Input should be greater than or equal to 1",
                error(Map.of("enabled", true, "metrics", Map.of("export_interval", 0))));
        assertEquals(AT + ".tracing.sampling: Extra inputs are not permitted",
                error(Map.of("enabled", true, "tracing", Map.of("sampling", 0.5))));
        assertEquals(AT + ".headers.x-key: should be a single value, not a list",
                error(Map.of("enabled", true, "headers", Map.of("x-key", List.of("a")))));
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://collector");
        assertTrue(error(Map.of("enabled", true)).startsWith("OTEL_EXPORTER_OTLP_ENDPOINT is not an http(s) URL: its scheme"));
        env.remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        env.put("OTEL_EXPORTER_OTLP_HEADERS", "team=data,Authorization Bearer sk-live-123");
        assertEquals("OTEL_EXPORTER_OTLP_HEADERS: entry 2 should be key=value", error(Map.of("enabled", true)),
                "the entry, which may hold a credential, is not repeated");
        env.put("OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer%2sk-live");
        assertEquals("OTEL_EXPORTER_OTLP_HEADERS: the value of 'authorization' has a % not followed by two hex digits",
                error(Map.of("enabled", true)));
    }

    @Test
    void aHeaderTheExporterCouldNotSendStopsTheServerWithoutShowingItsValue() {
        assertEquals(AT + ".headers: 'x api key' is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)",
                error(Map.of("enabled", true, "headers", Map.of("x api key", "k"))));
        assertEquals(AT + ".headers: 'Host' is set by the exporter itself and cannot be configured",
                error(Map.of("enabled", true, "headers", Map.of("Host", "collector"))));
        String message = error(Map.of("enabled", true, "headers", Map.of("authorization", "Bearer sk-1\r\nX-Evil: 1")));
        assertEquals(AT + ".headers: the value of 'authorization' holds a line break or another control character",
                message);
        env.put("OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer%0Ask-live");
        assertEquals("OTEL_EXPORTER_OTLP_HEADERS: the value of 'authorization' holds a line break or another control "
                + "character", error(Map.of("enabled", true)));
        env.put("OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer%20sk-live,x-tenant=a\tb");
        assertTrue(assertDoesNotThrow(() -> read(Map.of("enabled", true))).isPresent(), "a space or a tab is allowed");
    }

    private Optional<TelemetrySettings> read(Map<String, Object> block) throws SchemaException {
        return new TelemetrySettingsReader(env).read(block, AT, SERVER);
    }

    private String error(Map<String, Object> block) {
        return assertThrows(SchemaException.class, () -> read(block)).getMessage();
    }
}
