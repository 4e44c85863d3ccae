package io.mxcp.core.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.internal.audit.AuditedCalls;
import io.mxcp.core.internal.pipeline.CallTrace;
import io.mxcp.core.internal.policy.PolicyOutcome;
import io.mxcp.core.internal.telemetry.CallTelemetry;
import io.mxcp.core.internal.telemetry.TelemetrySession;
import io.mxcp.core.internal.types.HiddenTexts;
import io.mxcp.core.model.EndpointKind;

/**
 * Gives each call of a served project its telemetry (spec 03 §6.2): the root span {@code mxcp.endpoint.execute}
 * around the audited call, its outcome and the request metrics; a project no server runs, or whose telemetry is off,
 * gets none. A failed call leaves with the message its log line may show: without the values it hides.
 */
final class TracedCalls {

    private final AuditedCalls calls;
    /** Null when no server runs the project. */
    private final TelemetrySession telemetry;
    /**
     * The parameter values of the profile's secrets: hidden from every call's texts (log line, spans, audit record)
     * as its sensitive values are, since code that fails quoting a token or a connection string is common (spec 03:
     * secrets never appear in logs). The caller's own error keeps the text, as for sensitive values.
     */
    private final List<Object> secretValues;

    TracedCalls(AuditedCalls calls, TelemetrySession telemetry, List<Map<String, Object>> secrets) {
        this.calls = calls;
        this.telemetry = telemetry;
        this.secretValues = secrets.stream().map(secret -> secret.get("parameters")).filter(Objects::nonNull)
                .toList();
    }

    Object execute(EndpointKind kind, String identifier, Map<String, Object> arguments, CallOptions options)
            throws EndpointException {
        HiddenTexts hidden = new HiddenTexts();
        if (!secretValues.isEmpty()) {
            hidden.add(secretValues);
        }
        CallTelemetry call = telemetry == null ? CallTelemetry.NONE
                : telemetry.startCall(kind, identifier, options, hidden);
        CallTrace trace = new CallTrace(call, hidden);
        Object result;
        try {
            result = calls.execute(kind, identifier, arguments, options, trace);
        } catch (EndpointException e) {
            e.withLogRedaction(hidden::scrub);
            end(call, trace, e, errorType(e, trace.policies()));
            throw e;
        } catch (RuntimeException | Error e) {
            end(call, trace, e, e.getClass().getSimpleName());
            throw e;
        }
        end(call, trace, null, null);
        return result;
    }

    private static void end(CallTelemetry call, CallTrace trace, Throwable error, String errorType) {
        PolicyOutcome policies = trace.policies();
        call.end(policies.decision(), policies.evaluatedCount(), error, errorType, trace.definition() != null);
    }

    /** {@code policy_denied}, {@code invalid_arguments} or {@code execution_failed}, for {@code errors_total}. */
    private static String errorType(EndpointException e, PolicyOutcome policies) {
        return PolicyOutcome.DENY.equals(policies.decision()) ? "policy_denied"
                : e.reason().name().toLowerCase(Locale.ROOT);
    }
}
