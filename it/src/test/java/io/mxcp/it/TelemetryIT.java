package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * Telemetry (spec 03 §6) of `mxcp serve` as an OpenTelemetry collector receives it: the distribution's
 * mxcp-telemetry-otel bundle exports over OTLP/HTTP to a receiver run by the test, configured by the profile's
 * `telemetry` block. Checked: the span tree of a call, what its spans say (and that SQL text never leaves the
 * server), the resource, the headers on both signals, the audit record's trace id, and the call metrics.
 */
class TelemetryIT {

    private static final String API_KEY_HEADER = "X-Api-Key";
    private static final String CALLER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
    private static final String CALLER_TRACEPARENT = "00-" + CALLER_TRACE_ID + "-" + CALLER_SPAN_ID + "-01";

    private static Path work;
    private static Mxcp mxcp;
    private static OtlpReceiver collector;
    private static List<Span> spans;
    private static Map<String, String> resource;
    private static JsonNode auditRecords;
    private static String version;

    @BeforeAll
    static void serveCallAndStop() throws IOException {
        work = Distribution.freshWorkFolder(TelemetryIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        collector = new OtlpReceiver(API_KEY_HEADER);
        Path project = Files.createDirectories(work.resolve("observed/tools"));
        Files.writeString(project.resolveSibling("mxcp-site.yml"), """
                mxcp: 1
                project: observed
                profile: default
                profiles:
                  default:
                    audit: {enabled: true}
                """);
        Files.copy(Distribution.clientScripts().resolve("project-extras/tools/salary.yml"), project.resolve("salary.yml"));
        Files.writeString(project.resolve("hello.yml"), """
                mxcp: 1
                tool:
                  name: hello
                  parameters: [{name: name, type: string}]
                  return: {type: object, properties: {greeting: {type: string}}}
                  source: {code: "SELECT 'hello ' || $name AS greeting"}
                """);
        Files.createDirectories(work.resolve(".mxcp"));
        Files.writeString(work.resolve(".mxcp/config.yml"), """
                mxcp: 1
                projects:
                  observed:
                    profiles:
                      default:
                        telemetry:
                          enabled: true
                          endpoint: %s
                          headers: {%s: secret-key}
                          resource_attributes: {team: data}
                          metrics: {export_interval: 1}
                """.formatted(collector.endpoint(), API_KEY_HEADER));

        Path root = project.getParent();
        int port = FreePort.find();
        try (ServerProcess server = mxcp.serve(root, port)) {
            McpHttpClient client = new McpHttpClient(port);
            assertEquals("{\"greeting\":\"hello otel\"}", client.callTool("hello", Map.of("name", "otel")).successText());
            // this call continues a caller's trace (W3C trace context in _meta, spec 04b §2)
            assertTrue(client.callTool("salary", Map.of("who", "ceo"), Map.of("traceparent", CALLER_TRACEPARENT))
                    .failureText().contains("private"));
            // both calls' spans exported on the processor's schedule, not left to the 2 s flush at shutdown
            Poll.until(Duration.ofSeconds(20), "both calls' root spans at the collector",
                    () -> rootSpansReceived() >= 2 ? Boolean.TRUE : null, () -> collector.traces().size() + " exports");
            server.signal("HUP");
            server.awaitStderrLine(Duration.ofSeconds(30), "the reload's end", line -> line.contains("Reload complete"));
            server.signal("TERM");
            assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), server::describe);
            server.assertNoProblemsLogged();
        }
        spans = receivedSpans();
        resource = collector.traces().get(0).request().getResourceSpans(0).getResource().getAttributesList().stream()
                .collect(Collectors.toMap(KeyValue::getKey, attribute -> text(attribute.getValue())));
        auditRecords = mxcp.run(root, "log", "--json").json().path("result").path("records");
        // "mxcp <version> (build <time> <commit>)": the resource names the version alone
        version = mxcp.run(root, "--version").stdout().strip().replaceFirst("^mxcp ", "")
                .replaceFirst(" \\(build .*\\)$", "");
    }

    @AfterAll
    static void stop() {
        if (collector != null) {
            collector.close();
        }
        Leftovers.assertNone(mxcp);
    }

    @Test
    void aCallIsOneTraceWhoseStagesNestUnderTheEndpointSpan() {
        Span root = rootOf("hello");
        Span engine = child(root, "mxcp.execution_engine.execute");
        Span validation = child(engine, "mxcp.validation.input");
        Span duckdb = child(engine, "mxcp.duckdb.execute");
        child(engine, "mxcp.validation.output");
        assertEquals("tool", attribute(root, "mxcp.endpoint.type"));
        assertEquals("false", attribute(root, "mxcp.auth.authenticated"));
        assertEquals("true", attribute(validation, "mxcp.validation.passed"));
        assertEquals("sql", attribute(engine, "mxcp.execution.language"));
        assertEquals("1", attribute(engine, "mxcp.params.count"));
        assertEquals("duckdb", attribute(duckdb, "db.system"));
        assertEquals("select", attribute(duckdb, "db.operation"));
        assertTrue(attribute(duckdb, "db.statement.hash").matches("[0-9a-f]{16}"), duckdb::toString);
        assertEquals(Status.StatusCode.STATUS_CODE_UNSET, root.getStatus().getCode());
    }

    @Test
    void aCallWithTheCallersTraceContextContinuesTheCallersTrace() {
        Span root = rootOf("salary");
        assertEquals(CALLER_TRACE_ID, HexFormat.of().formatHex(root.getTraceId().toByteArray()));
        assertEquals(CALLER_SPAN_ID, HexFormat.of().formatHex(root.getParentSpanId().toByteArray()));
        assertTrue(rootOf("hello").getParentSpanId().isEmpty(), "a call without one starts its own trace");
    }

    @Test
    void noSpanCarriesTheSqlText() {
        for (Span span : spans) {
            for (KeyValue attribute : span.getAttributesList()) {
                assertFalse(text(attribute.getValue()).contains("SELECT"), span::toString);
            }
        }
    }

    @Test
    void aPolicyDenialFailsItsSpansAndNamesTheRuleThatDenied() {
        Span root = rootOf("salary");
        Span enforce = child(root, "mxcp.policy.enforce_input");
        Span rule = child(enforce, "mxcp.policy.evaluate_input[0]");
        assertEquals("deny", attribute(root, "mxcp.policy.decision"));
        assertEquals(Status.StatusCode.STATUS_CODE_ERROR, root.getStatus().getCode());
        assertEquals("Policy enforcement failed: The CEO's salary is private", root.getStatus().getMessage());
        assertEquals("0", attribute(enforce, "mxcp.policy.denied_at"));
        assertEquals("who == 'ceo' && user.role != 'board'", attribute(rule, "mxcp.policy.condition"));
        assertEquals("true", attribute(rule, "mxcp.policy.condition_result"));
        assertTrue(spans.stream().noneMatch(span -> span.getTraceId().equals(root.getTraceId())
                && span.getName().equals("mxcp.execution_engine.execute")), "a denied call never runs");
    }

    @Test
    void theResourceDescribesTheServerAndTheHeadersGoWithBothSignals() {
        assertEquals("mxcp", resource.get("service.name"));
        assertEquals(version, resource.get("service.version"), resource::toString);
        assertEquals("default", resource.get("deployment.environment"));
        assertEquals("observed", resource.get("mxcp.project"));
        assertEquals("default", resource.get("mxcp.profile"));
        assertEquals("data", resource.get("team"));
        assertTrue(collector.traces().stream().allMatch(export -> "secret-key".equals(export.header())));
        assertFalse(collector.metrics().isEmpty(), "metrics were exported");
        assertTrue(collector.metrics().stream().allMatch(export -> "secret-key".equals(export.header())));
    }

    @Test
    void eachAuditRecordCarriesTheTraceIdOfItsCall() {
        assertEquals(2, auditRecords.size(), auditRecords::toString);
        for (JsonNode record : auditRecords) {
            Span root = rootOf(record.path("operation_name").asText());
            assertEquals(HexFormat.of().formatHex(root.getTraceId().toByteArray()), record.path("trace_id").asText());
        }
    }

    @Test
    void theCallMetricsCountRequestsByOutcomeAndPolicyDecisionAndTheReload() {
        assertEquals(1, sum("mxcp.endpoint.requests_total", Map.of("endpoint", "hello", "status", "success",
                "caller", "http", "policy_decision", "none")));
        assertEquals(1, sum("mxcp.endpoint.requests_total", Map.of("endpoint", "salary", "status", "error",
                "policy_decision", "deny")));
        assertEquals(1, sum("mxcp.endpoint.errors_total", Map.of("endpoint", "salary", "error_type", "policy_denied")));
        assertEquals(1, sum("mxcp.policy.denials_total", Map.of("type", "input")));
        assertEquals(1, sum("mxcp.duckdb.queries_total", Map.of("operation", "select", "status", "success")));
        assertEquals(0, sum("mxcp.endpoint.concurrent_executions", Map.of("endpoint", "hello")));
        assertEquals(1, sum("mxcp.up", Map.of("transport", "streamable-http", "project", "observed")));
        assertEquals(1, sum("mxcp.reloads_total", Map.of("status", "success", "profile", "default")));
    }

    private static long rootSpansReceived() {
        return receivedSpans().stream().filter(span -> span.getName().equals("mxcp.endpoint.execute")).count();
    }

    /** Every span the collector has received so far. */
    private static List<Span> receivedSpans() {
        return collector.traces().stream()
                .flatMap(export -> export.request().getResourceSpansList().stream())
                .flatMap(resourceSpans -> resourceSpans.getScopeSpansList().stream())
                .flatMap(scope -> scope.getSpansList().stream()).toList();
    }

    private static Span rootOf(String endpoint) {
        return spans.stream().filter(span -> span.getName().equals("mxcp.endpoint.execute")
                && endpoint.equals(attribute(span, "mxcp.endpoint.name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no root span for " + endpoint + " in " + names()));
    }

    private static Span child(Span parent, String name) {
        return spans.stream().filter(span -> span.getName().equals(name)
                && span.getParentSpanId().equals(parent.getSpanId())
                && span.getTraceId().equals(parent.getTraceId())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " under " + parent.getName() + " in " + names()));
    }

    private static List<String> names() {
        return spans.stream().map(Span::getName).toList();
    }

    private static String attribute(Span span, String key) {
        return span.getAttributesList().stream().filter(attribute -> attribute.getKey().equals(key))
                .map(attribute -> text(attribute.getValue())).findFirst().orElse(null);
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            default -> value.toString();
        };
    }

    /**
     * The last exported value of a sum's points whose attributes include those given (cumulative sums: the last export
     * holds the total), added up over the matching points.
     */
    private static long sum(String metric, Map<String, String> attributes) {
        Optional<Metric> last = collector.metrics().stream()
                .flatMap(export -> export.request().getResourceMetricsList().stream())
                .flatMap(resourceMetrics -> resourceMetrics.getScopeMetricsList().stream())
                .flatMap(scope -> scope.getMetricsList().stream())
                .filter(candidate -> candidate.getName().equals(metric)).reduce((first, second) -> second);
        return last.orElseThrow(() -> new AssertionError("no metric " + metric)).getSum().getDataPointsList().stream()
                .filter(point -> matches(point, attributes)).mapToLong(NumberDataPoint::getAsInt).sum();
    }

    private static boolean matches(NumberDataPoint point, Map<String, String> attributes) {
        Map<String, String> actual = point.getAttributesList().stream()
                .collect(Collectors.toMap(KeyValue::getKey, attribute -> text(attribute.getValue())));
        return attributes.entrySet().stream().allMatch(entry -> entry.getValue().equals(actual.get(entry.getKey())));
    }
}
