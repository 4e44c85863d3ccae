package io.mxcp.core.internal.policy;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.ParameterDefinition;

/**
 * Compiles an endpoint's {@code policies} block (spec 03 §2.2): standard CEL with its standard macros; input rules see
 * {@code user} and every declared parameter, output rules {@code user} and {@code response}, all dynamically typed.
 * A name the rule's phase does not have is a compile error, which {@code mxcp validate} reports.
 */
public final class PolicyCompiler {

    private static final System.Logger LOG = System.getLogger(PolicyCompiler.class.getName());

    static final String USER = "user";
    static final String RESPONSE = "response";

    /** {@code amount > 1000} holds for a {@code number} argument of 1500.0, as it does in the original. */
    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final Cel OUTPUT = environment(List.of(USER, RESPONSE));

    private PolicyCompiler() {
    }

    public static EndpointPolicies compile(EndpointDefinition definition) {
        Map<String, Object> block = definition.policies();
        if (block == null) {
            return EndpointPolicies.NONE;
        }
        List<String> inputNames = new ArrayList<>();
        for (ParameterDefinition parameter : definition.parameters()) {
            inputNames.add(parameter.name());
        }
        if (inputNames.remove(USER)) {
            LOG.log(Level.WARNING, "{0}: input policies see the caller as ''user'', not the parameter of that name",
                    definition.identifier());
        }
        inputNames.add(USER);
        return new EndpointPolicies(rules(block.get("input"), "input", environment(inputNames)),
                rules(block.get("output"), "output", OUTPUT));
    }

    private static Cel environment(List<String> names) {
        var builder = CelFactory.standardCelBuilder().setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
        names.forEach(name -> builder.addVar(name, SimpleType.DYN));
        return builder.build();
    }

    private static List<PolicyRule> rules(Object raw, String phase, Cel cel) {
        List<PolicyRule> rules = new ArrayList<>();
        if (!(raw instanceof List<?> list)) {
            return rules;
        }
        for (int i = 0; i < list.size(); i++) {
            Map<?, ?> rule = (Map<?, ?>) list.get(i);
            String condition = String.valueOf(rule.get("condition"));
            Object reason = rule.get("reason");
            @SuppressWarnings("unchecked")
            List<String> fields = (List<String>) rule.get("fields");
            CelRuntime.Program program = null;
            String error = null;
            try {
                program = cel.createProgram(cel.compile(condition).getAst());
            } catch (CelValidationException e) {
                error = firstLine(e.getMessage());
            } catch (CelEvaluationException e) {
                error = e.getMessage();
            }
            rules.add(new PolicyRule(phase + "[" + i + "]", condition, PolicyAction.named((String) rule.get("action")),
                    reason == null ? null : String.valueOf(reason), fields, program, error));
        }
        return rules;
    }

    /** CEL's message without its location prefix and source excerpt: {@code undeclared reference to 'x'}. */
    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse(message);
        return line.replaceFirst("^ERROR: <input>:\\d+:\\d+: ", "").replace(" (in container '')", "");
    }
}
