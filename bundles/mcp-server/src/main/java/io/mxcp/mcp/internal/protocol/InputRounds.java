package io.mxcp.mcp.internal.protocol;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;

/**
 * The rounds of a 2026-07-28 request that needs client input (spec 04b §5): the {@code input_required} result
 * with a signed {@code requestState}, and the check of the state a retried request echoes. Input is asked only
 * through capabilities the request declared: requests for undeclared ones are left out, and when none is left the
 * request is refused with -32021 naming the capabilities it needs.
 */
final class InputRounds {
    /** The client capability each kind of input request needs. */
    private static final Map<String, String> CAPABILITIES = Map.of("elicitation/create", "elicitation",
            "sampling/createMessage", "sampling", "roots/list", "roots");

    private final RequestStates states;
    private final Results results;
    private final ObjectMapper mapper;

    InputRounds(RequestStates states, Results results, ObjectMapper mapper) {
        this.states = states;
        this.results = results;
        this.mapper = mapper;
    }

    /**
     * Checks the {@code requestState} a retried request echoes, when it has one (a retry may carry
     * {@code inputResponses} alone).
     *
     * @throws JsonRpcException -32602 when the state is not a string or is not accepted
     */
    void verifyRetry(String method, String target, ObjectNode params) throws JsonRpcException {
        JsonNode state = params.get("requestState");
        if (state == null || state.isNull()) {
            return;
        }
        if (!state.isTextual()) {
            throw JsonRpcErrors.invalidParams("Invalid params: 'requestState' must be a string");
        }
        states.redeem(state.asText(), binding(method, target, params));
    }

    /** The {@code input_required} result for a modern request whose endpoint asked for input. */
    ObjectNode inputRequired(InputRequired asked, String method, String target, ObjectNode params)
            throws JsonRpcException {
        JsonNode declared = params.path("_meta").path(MetaKeys.CLIENT_CAPABILITIES);
        ObjectNode offered = mapper.createObjectNode();
        ObjectNode missing = mapper.createObjectNode();
        asked.requests().fields().forEachRemaining(entry -> {
            String capability = CAPABILITIES.get(entry.getValue().path("method").asText());
            if (capability == null || declared.has(capability)) {
                offered.set(entry.getKey(), entry.getValue());
            } else {
                missing.putObject(capability);
            }
        });
        if (offered.isEmpty()) {
            throw JsonRpcErrors.missingClientCapability(missing);
        }
        ObjectNode result = mapper.createObjectNode();
        result.set("inputRequests", offered);
        result.put("requestState", states.issue(binding(method, target, params), asked.state()));
        return results.inputRequired(result);
    }

    /** Why a legacy request cannot be given what the endpoint asks for. */
    static String legacyRefusal(InputRequired asked) {
        StringBuilder methods = new StringBuilder();
        asked.requests().forEach(request -> methods.append(methods.isEmpty() ? "" : ", ")
                .append(request.path("method").asText()));
        return "the endpoint needs input from the client (" + methods
                + "), which only MCP 2026-07-28 requests can provide";
    }

    /** Bound to no user until requests carry one (authentication is not part of this server yet). */
    private static RequestStates.Binding binding(String method, String target, ObjectNode params) {
        return new RequestStates.Binding(null, method, target, params.get("arguments"));
    }
}
