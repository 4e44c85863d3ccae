package io.mxcp.core.internal.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What an endpoint's policies decided on one call, for its audit record (spec 03 §2.5): the rules reached, the
 * decision and its reason. An endpoint without policies leaves the decision null.
 */
public final class PolicyOutcome {

    public static final String ALLOW = "allow";
    public static final String DENY = "deny";
    public static final String WARN = "warn";

    private final List<String> evaluated = new ArrayList<>();
    private String decision;
    private String reason;
    private PolicyAction lastChange;

    /** The rules reached, {@code input[i]: <condition>} then {@code output[i]: <condition>}. */
    public List<String> evaluated() {
        return List.copyOf(evaluated);
    }

    /** How many rules were reached. */
    public int evaluatedCount() {
        return evaluated.size();
    }

    /** {@code allow}, {@code deny}, {@code warn}, or null when the endpoint has no policies. */
    public String decision() {
        return decision;
    }

    /** Why the call was denied or its output changed, or null. */
    public String reason() {
        return reason;
    }

    /** The endpoint has policies and none has denied the call yet. */
    void allow() {
        decision = ALLOW;
    }

    void reached(PolicyRule rule) {
        evaluated.add(rule.label() + ": " + rule.condition());
    }

    void denied(String why) {
        decision = DENY;
        reason = why;
    }

    void changedOutput(PolicyAction action) {
        lastChange = action;
    }

    /** Ends the output phase: a changed output of an allowed call makes the decision {@code warn}. */
    void outputDone() {
        if (lastChange != null && ALLOW.equals(decision)) {
            decision = WARN;
            reason = "Output modified by " + lastChange.yamlName();
        }
    }
}
