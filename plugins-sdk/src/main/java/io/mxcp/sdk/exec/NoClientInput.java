package io.mxcp.sdk.exec;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@link ClientInput} of a call without a client: supports nothing, every ask fails saying why. */
final class NoClientInput implements ClientInput {
    private final String why;

    NoClientInput(String why) {
        this.why = why;
    }

    @Override
    public boolean supports(String capability) {
        return false;
    }

    @Override
    public Map<String, Map<String, Object>> ask(Map<String, InputRequest> requests) throws EndpointExecutionException {
        throw refusal(requests.values());
    }

    @Override
    public Map<String, Object> ask(InputRequest request) throws EndpointExecutionException {
        throw refusal(List.of(request));
    }

    private EndpointExecutionException refusal(Collection<InputRequest> requests) {
        return new EndpointExecutionException("the endpoint asked the MCP client for input ("
                + requests.stream().map(InputRequest::method).distinct().collect(Collectors.joining(", ")) + "), "
                + why);
    }
}
