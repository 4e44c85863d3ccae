package io.mxcp.core.internal.policy;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelUnknownSet;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.EndpointException.Reason;
import io.mxcp.core.internal.telemetry.CallTelemetry;
import io.mxcp.core.internal.types.HiddenTexts;
import io.mxcp.core.internal.types.PythonTruth;
import io.mxcp.core.model.TypeDefinition;
import io.mxcp.sdk.auth.UserContext;

/**
 * Enforces an endpoint's policies on one call (spec 03 §2.3). A condition that does not compile or fails to evaluate
 * (a missing key, a null dereference, a type mismatch) counts as false and is logged, as in the original: a rule can
 * deny or change a call, never break it.
 */
public final class PolicyEnforcer {

    private static final System.Logger LOG = System.getLogger(PolicyEnforcer.class.getName());
    private static final String MASK = "****";

    private PolicyEnforcer() {
    }

    /**
     * Checks the input rules against the arguments as the caller sent them (defaults filled in, not yet converted).
     * Called for endpoints that have policies (input or output): passing the input rules is what makes the decision
     * {@code allow}.
     *
     * @param outcome   where the rules reached and the decision are noted
     * @param telemetry where the phase's spans and metrics go
     * @param hidden    what a failed condition's message, logged and traced, must not show
     * @throws EndpointException {@code Policy enforcement failed: <reason>} when a {@code deny} rule holds
     */
    public static void checkInput(String endpoint, EndpointPolicies policies, Map<String, Object> arguments,
            UserContext user, PolicyOutcome outcome, CallTelemetry telemetry, HiddenTexts hidden)
            throws EndpointException {
        outcome.allow();
        if (policies.input().isEmpty()) {
            return;
        }
        PolicyPhaseTrace trace = PolicyPhaseTrace.start(telemetry, PolicyPhaseTrace.INPUT, policies.input().size(),
                user != null, null);
        Map<String, Object> variables = new LinkedHashMap<>(CelValues.map(arguments));
        variables.put(PolicyCompiler.USER, PolicyUser.of(user));
        for (int index = 0; index < policies.input().size(); index++) {
            PolicyRule rule = policies.input().get(index);
            outcome.reached(rule);
            trace.ruleReached(index, rule);
            if (rule.action() != PolicyAction.DENY) {
                trace.ruleSkipped(); // as in the original, only deny rules act on the input
                continue;
            }
            boolean holds = holds(endpoint, rule, variables, trace, hidden);
            trace.ruleResult(holds);
            if (holds) {
                throw denied("Policy enforcement failed: ",
                        rule.reason() == null ? "Access denied by policy" : rule.reason(), index, outcome, trace);
            }
        }
        trace.passed(outcome.decision());
    }

    /**
     * Applies the output rules to a result. Every rule sees the original result as {@code response}; each action
     * works on the result as the rules before it left it.
     *
     * @param outcome   where the rules reached and the decision are noted
     * @param telemetry where the phase's spans and metrics go
     * @param hidden    what a failed condition's message, logged and traced, must not show
     * @throws EndpointException {@code Output policy enforcement failed: <reason>} when a {@code deny} rule holds
     */
    public static Object applyOutput(String endpoint, EndpointPolicies policies, Object response, UserContext user,
            TypeDefinition returns, PolicyOutcome outcome, CallTelemetry telemetry, HiddenTexts hidden)
            throws EndpointException {
        if (policies.output().isEmpty()) {
            return response;
        }
        PolicyPhaseTrace trace = PolicyPhaseTrace.start(telemetry, PolicyPhaseTrace.OUTPUT, policies.output().size(),
                user != null, returns != null);
        Map<String, Object> variables = Map.of(PolicyCompiler.USER, PolicyUser.of(user),
                PolicyCompiler.RESPONSE, CelValues.of(response));
        Object output = response;
        for (int index = 0; index < policies.output().size(); index++) {
            PolicyRule rule = policies.output().get(index);
            outcome.reached(rule);
            trace.ruleReached(index, rule);
            boolean holds = holds(endpoint, rule, variables, trace, hidden);
            trace.ruleResult(holds);
            if (!holds) {
                continue;
            }
            output = switch (rule.action()) {
                case DENY -> throw denied("Output policy enforcement failed: ",
                        rule.reason() == null ? "Output blocked by policy" : rule.reason(), index, outcome, trace);
                case FILTER_FIELDS -> eachObject(output, object -> rule.fields().forEach(object::remove));
                case MASK_FIELDS -> eachObject(output, object -> rule.fields().forEach(field -> object.replace(field, MASK)));
                case FILTER_SENSITIVE_FIELDS -> SensitiveFields.filter(output, returns);
            };
            outcome.changedOutput(rule.action());
            trace.ruleApplied(rule);
        }
        outcome.outputDone();
        trace.passed(outcome.decision());
        return output;
    }

    /** Notes the denial by the rule at {@code index} and makes the call's error. */
    private static EndpointException denied(String prefix, String reason, int index, PolicyOutcome outcome,
            PolicyPhaseTrace trace) {
        outcome.denied(reason);
        EndpointException refusal = new EndpointException(Reason.POLICY_DENIED, prefix + reason);
        trace.denied(index, reason, refusal);
        return refusal;
    }

    private static boolean holds(String endpoint, PolicyRule rule, Map<String, Object> variables,
            PolicyPhaseTrace trace, HiddenTexts hidden) {
        if (rule.program() == null) {
            LOG.log(Level.WARNING, "{0}: policy {1} counts as false: its condition ''{2}'' does not compile: {3}",
                    endpoint, rule.label(), rule.condition(), rule.compileError());
            trace.ruleFailed("does not compile: " + rule.compileError());
            return false;
        }
        try {
            Object result = rule.program().eval(variables);
            if (result instanceof CelUnknownSet) {
                // a variable the call has no value for (an argument left out): the original's evaluation fails
                return failed(endpoint, rule, "it names an argument the call does not have", trace);
            }
            // the original tests a condition's result for Python truth; CEL's null is None
            return !(result instanceof NullValue) && PythonTruth.of(result);
        } catch (CelEvaluationException e) {
            // CEL quotes the value it could not convert: maybe one the endpoint marks sensitive
            return failed(endpoint, rule, hidden.scrub(e.getMessage()), trace);
        }
    }

    private static boolean failed(String endpoint, PolicyRule rule, String why, PolicyPhaseTrace trace) {
        LOG.log(Level.WARNING, "{0}: policy {1} counts as false: its condition ''{2}'' failed: {3}",
                endpoint, rule.label(), rule.condition(), why);
        trace.ruleFailed(why);
        return false;
    }

    /** Applies a change to the result when it is an object, or to each object of an array; top level only. */
    private static Object eachObject(Object output, Consumer<Map<String, Object>> change) {
        if (output instanceof Map<?, ?> map) {
            Map<String, Object> copy = copy(map);
            change.accept(copy);
            return copy;
        }
        if (output instanceof List<?> list) {
            List<Object> changed = new ArrayList<>(list.size());
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    Map<String, Object> copy = copy(map);
                    change.accept(copy);
                    changed.add(copy);
                } else {
                    changed.add(item);
                }
            }
            return changed;
        }
        return output;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
