package io.mxcp.core.internal.telemetry;

/**
 * The metrics of spec 03 §6.3 as the call pipeline records them. Attribute values are endpoint names, languages,
 * operations and policy reasons from the project's own files, so their number stays bounded; calls to endpoints that
 * do not exist are not counted.
 */
public interface CallMetrics {

    /** Records nothing: telemetry off, metrics off, or no telemetry bundle installed. */
    CallMetrics NONE = new CallMetrics() {
    };

    /** An endpoint call starts ({@code mxcp.endpoint.concurrent_executions}). */
    default void callStarted(String endpoint, String type) {
    }

    /**
     * An endpoint call ends: {@code requests_total}, {@code errors_total} when it failed, and the concurrent count.
     *
     * @param decision  the policy decision, or null for an endpoint without policies
     * @param errorType what failed, or null when the call succeeded
     */
    default void callEnded(String endpoint, String type, String caller, String decision, String errorType) {
    }

    /** A phase of policies ({@code input}, {@code output}) was enforced; {@code reason} is non-null for a denial. */
    default void policyEnforced(String phase, String decision, String reason) {
    }

    /** An executor starts running an endpoint ({@code sql}, {@code python}). */
    default void executionStarted(String language, String operation) {
    }

    /**
     * A call failed for its audit record ({@code mxcp.audit.failures_total}, fail-closed mode).
     *
     * @param outcome {@code refused} before it ran, or {@code unrecorded} after
     */
    default void auditFailed(String outcome) {
    }

    /** A reload of the served project ended ({@code mxcp.reloads_total}); not a call, but counted beside them. */
    default void reloadEnded(String profile, boolean succeeded) {
    }

    /**
     * An executor's run ended.
     *
     * @param operation the SQL operation ({@code select}, ...) or the Python source type ({@code file},
     *                  {@code inline})
     */
    default void executionEnded(String language, String operation, boolean succeeded) {
    }
}
