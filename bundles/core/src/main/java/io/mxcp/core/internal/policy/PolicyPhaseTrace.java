package io.mxcp.core.internal.policy;

import io.mxcp.core.internal.telemetry.CallTelemetry;
import io.mxcp.sdk.telemetry.TelemetrySpan;

/**
 * The telemetry of one policy phase (spec 03 §6.2–6.3): the span {@code mxcp.policy.enforce_<phase>} with a child
 * {@code mxcp.policy.evaluate_<phase>[i]} per rule reached, and the phase's evaluation and denial counts. Attributes
 * are worked out only for a traced call; an untraced call shares one instance that records nothing.
 */
final class PolicyPhaseTrace {

    static final String INPUT = "input";
    static final String OUTPUT = "output";
    private static final PolicyPhaseTrace NONE = new PolicyPhaseTrace(CallTelemetry.NONE, null,
            CallTelemetry.NONE.root());

    private final CallTelemetry telemetry;
    private final String phase;
    private final TelemetrySpan span;
    private TelemetrySpan rule;
    private int evaluated;
    private String actionApplied;

    private PolicyPhaseTrace(CallTelemetry telemetry, String phase, TelemetrySpan span) {
        this.telemetry = telemetry;
        this.phase = phase;
        this.span = span;
    }

    /**
     * Opens the phase's span.
     *
     * @param endpointDefinition for the output phase, whether the endpoint's return type is known; null for input
     */
    static PolicyPhaseTrace start(CallTelemetry telemetry, String phase, int rules, boolean hasUser,
            Boolean endpointDefinition) {
        if (telemetry == CallTelemetry.NONE) {
            return NONE;
        }
        TelemetrySpan span = telemetry.open("mxcp.policy.enforce_" + phase);
        if (span.recording()) {
            span.setAttribute("mxcp.policy.count", rules);
            span.setAttribute("mxcp.policy.has_user", hasUser);
            if (endpointDefinition != null) {
                span.setAttribute("mxcp.policy.has_endpoint_def", endpointDefinition);
            }
        }
        return new PolicyPhaseTrace(telemetry, phase, span);
    }

    /** A rule is reached: its span opens, the innermost stage while its condition is evaluated. */
    void ruleReached(int index, PolicyRule reached) {
        if (!span.recording()) {
            return;
        }
        evaluated++;
        rule = telemetry.open("mxcp.policy.evaluate_" + phase + "[" + index + "]");
        rule.setAttribute("mxcp.policy.condition", reached.condition());
        rule.setAttribute("mxcp.policy.action", reached.action().yamlName());
    }

    /** The condition could not be evaluated (it counts as false). */
    void ruleFailed(String why) {
        if (rule != null) {
            rule.setAttribute("mxcp.policy.error", why);
        }
    }

    /** The rule is not evaluated in this phase (a non-deny input rule); its span ends. */
    void ruleSkipped() {
        if (rule != null) {
            endRule();
        }
    }

    /** The condition's result; the rule's span ends unless its action follows. */
    void ruleResult(boolean holds) {
        if (rule != null) {
            rule.setAttribute("mxcp.policy.condition_result", holds);
            if (!holds) {
                endRule();
            }
        }
    }

    /** A rule whose condition held changed the output. */
    void ruleApplied(PolicyRule applied) {
        if (rule != null) {
            actionApplied = applied.action().yamlName();
            rule.setAttribute("mxcp.policy.action_applied", actionApplied);
            switch (applied.action()) {
                case FILTER_FIELDS -> rule.setAttribute("mxcp.policy.fields_filtered", applied.fields().size());
                case MASK_FIELDS -> rule.setAttribute("mxcp.policy.fields_masked", applied.fields().size());
                default -> {
                    // filter_sensitive_fields: what it removes depends on the value's type, not counted here
                }
            }
            endRule();
        }
    }

    /** A deny rule held: the phase ends with the call refused. */
    void denied(int index, String reason, Exception refusal) {
        if (rule != null) {
            rule.setAttribute("mxcp.policy.denied", true);
            rule.setAttribute("mxcp.policy.reason", reason);
            telemetry.close(rule, refusal);
            rule = null;
        }
        if (span.recording()) {
            span.setAttribute("mxcp.policy.denied_at", index);
        }
        end(PolicyOutcome.DENY, reason, refusal);
    }

    /** The phase let the call through with the decision reached so far ({@code allow} or {@code warn}). */
    void passed(String decision) {
        end(decision, null, null);
    }

    private void end(String decision, String denialReason, Exception refusal) {
        if (span.recording()) {
            span.setAttribute("mxcp.policy.decision", decision);
            span.setAttribute("mxcp.policy.evaluated_count", evaluated);
            span.setAttribute("mxcp.policy.action_applied", actionApplied);
        }
        if (refusal != null) {
            telemetry.close(span, refusal);
        } else {
            telemetry.close(span);
        }
        telemetry.metrics().policyEnforced(phase, decision, denialReason);
    }

    private void endRule() {
        telemetry.close(rule);
        rule = null;
    }
}
