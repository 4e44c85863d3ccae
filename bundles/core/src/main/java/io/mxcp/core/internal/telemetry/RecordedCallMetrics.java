package io.mxcp.core.internal.telemetry;

import java.util.Map;

import io.mxcp.sdk.telemetry.MetricCounter;
import io.mxcp.sdk.telemetry.Telemetry;

/**
 * The instruments of spec 03 §6.3, created once per started telemetry. The original defines them but never records
 * (quirk Q25); here every one is recorded, with {@code policy_decision} {@code none} for endpoints without policies.
 */
final class RecordedCallMetrics implements CallMetrics {

    private static final String SQL = "sql";
    private static final String PYTHON = "python";

    private final MetricCounter requests;
    private final MetricCounter errors;
    private final MetricCounter concurrentCalls;
    private final MetricCounter policyEvaluations;
    private final MetricCounter policyDenials;
    private final MetricCounter executions;
    private final MetricCounter concurrentExecutions;
    private final MetricCounter queries;
    private final MetricCounter concurrentQueries;
    private final MetricCounter pythonExecutions;
    private final MetricCounter concurrentPython;
    private final MetricCounter auditFailures;
    private final MetricCounter reloads;

    RecordedCallMetrics(Telemetry telemetry) {
        requests = telemetry.counter("mxcp.endpoint.requests_total", "Endpoint calls, by outcome");
        errors = telemetry.counter("mxcp.endpoint.errors_total", "Endpoint calls that failed, by kind of failure");
        concurrentCalls = telemetry.upDownCounter("mxcp.endpoint.concurrent_executions", "Endpoint calls running");
        policyEvaluations = telemetry.counter("mxcp.policy.evaluations_total", "Policy phases enforced, by decision");
        policyDenials = telemetry.counter("mxcp.policy.denials_total", "Calls denied by a policy, by reason");
        executions = telemetry.counter("mxcp.execution.total", "Executor runs, by language and outcome");
        concurrentExecutions = telemetry.upDownCounter("mxcp.execution.concurrent", "Executor runs in progress");
        queries = telemetry.counter("mxcp.duckdb.queries_total", "SQL endpoint runs, by operation and outcome");
        concurrentQueries = telemetry.upDownCounter("mxcp.duckdb.concurrent_executions", "SQL endpoint runs in progress");
        pythonExecutions = telemetry.counter("mxcp.python.executions_total", "Python endpoint runs, by outcome");
        concurrentPython = telemetry.upDownCounter("mxcp.python.concurrent_executions", "Python endpoint runs in progress");
        auditFailures = telemetry.counter("mxcp.audit.failures_total",
                "Calls failed because their audit record could not be written (fail-closed mode), by outcome");
        reloads = telemetry.counter("mxcp.reloads_total", "Reloads of the served project, by outcome");
    }

    @Override
    public void reloadEnded(String profile, boolean succeeded) {
        reloads.add(1, Map.of("status", succeeded ? "success" : "error", "profile", profile));
    }

    @Override
    public void callStarted(String endpoint, String type) {
        concurrentCalls.add(1, Map.of("endpoint", endpoint, "type", type));
    }

    @Override
    public void callEnded(String endpoint, String type, String caller, String decision, String errorType) {
        concurrentCalls.add(-1, Map.of("endpoint", endpoint, "type", type));
        requests.add(1, Map.of("endpoint", endpoint, "type", type, "status", errorType == null ? "success" : "error",
                "caller", caller, "policy_decision", decision == null ? "none" : decision));
        if (errorType != null) {
            errors.add(1, Map.of("endpoint", endpoint, "type", type, "caller", caller, "error_type", errorType));
        }
    }

    @Override
    public void policyEnforced(String phase, String decision, String reason) {
        policyEvaluations.add(1, Map.of("type", phase, "decision", decision));
        if (reason != null) {
            policyDenials.add(1, Map.of("type", phase, "reason", reason));
        }
    }

    @Override
    public void auditFailed(String outcome) {
        auditFailures.add(1, Map.of("outcome", outcome));
    }

    @Override
    public void executionStarted(String language, String operation) {
        concurrentExecutions.add(1, Map.of("language", language));
        MetricCounter concurrent = concurrentByLanguage(language);
        if (concurrent != null) {
            concurrent.add(1, Map.of(operationKey(language), operation));
        }
    }

    @Override
    public void executionEnded(String language, String operation, boolean succeeded) {
        String status = succeeded ? "success" : "error";
        concurrentExecutions.add(-1, Map.of("language", language));
        executions.add(1, Map.of("language", language, "status", status));
        MetricCounter concurrent = concurrentByLanguage(language);
        if (concurrent != null) {
            concurrent.add(-1, Map.of(operationKey(language), operation));
            totalByLanguage(language).add(1, Map.of(operationKey(language), operation, "status", status));
        }
    }

    /** DuckDB's gauge, by operation, or Python's, by source type; none for other languages. */
    private MetricCounter concurrentByLanguage(String language) {
        return switch (language) {
            case SQL -> concurrentQueries;
            case PYTHON -> concurrentPython;
            default -> null;
        };
    }

    private MetricCounter totalByLanguage(String language) {
        return SQL.equals(language) ? queries : pythonExecutions;
    }

    /** The original's attribute name for what an executor ran: a SQL operation, a Python source type. */
    private static String operationKey(String language) {
        return SQL.equals(language) ? "operation" : "type";
    }
}
