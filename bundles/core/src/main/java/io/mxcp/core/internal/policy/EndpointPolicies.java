package io.mxcp.core.internal.policy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The compiled policies of one endpoint.
 *
 * @param input    rules checked against the arguments before the endpoint runs
 * @param output   rules applied to the result
 */
public record EndpointPolicies(List<PolicyRule> input, List<PolicyRule> output) {

    /** An endpoint without a {@code policies} block. */
    public static final EndpointPolicies NONE = new EndpointPolicies(List.of(), List.of());

    public EndpointPolicies {
        input = List.copyOf(input);
        output = List.copyOf(output);
    }

    /** Whether the endpoint has no rules at all (its calls get no policy decision). */
    public boolean isEmpty() {
        return input.isEmpty() && output.isEmpty();
    }

    /** The first rule whose condition does not compile, as {@code mxcp validate} reports it. */
    public Optional<String> compileError() {
        return Stream.concat(input.stream(), output.stream())
                .filter(rule -> rule.compileError() != null)
                .map(rule -> "Policy " + rule.label() + " condition '" + rule.condition() + "' does not compile: "
                        + rule.compileError())
                .findFirst();
    }
}
