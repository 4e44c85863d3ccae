package io.mxcp.mcp.internal.protocol;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.auth.UserKeys;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.sdk.exec.ClientInput;
import io.mxcp.sdk.exec.InputRequiredException;
import io.mxcp.sdk.exec.MissingClientCapabilityException;

/**
 * How the endpoint of a {@code tools/call}, {@code resources/read} or {@code prompts/get} asks the client for input
 * ({@link ClientInput}), per era. 2026-07-28 (spec 04b §5): the rounds of {@code input_required} results, each with
 * a signed {@code requestState} that carries the answers gathered so far, and the check of the state and
 * {@code inputResponses} a retried request brings. 2025-era: requests to the client of the connection or session.
 */
final class InputRounds {
    /** The member of an endpoint state that holds the answers of earlier rounds. */
    private static final String ANSWERS = "answers";
    private static final ClientInput STATELESS = ClientInput.unavailable("but a server without sessions (stateless "
            + "HTTP) cannot receive the answer of a client older than MCP 2026-07-28");

    private final RequestStates states;
    private final Results results;
    private final ObjectMapper mapper;

    InputRounds(RequestStates states, Results results, ObjectMapper mapper) {
        this.states = states;
        this.results = results;
        this.mapper = mapper;
    }

    /**
     * The input the request's endpoint can ask for. A modern retry's {@code requestState} is verified (and used up)
     * here, before the endpoint runs.
     *
     * @throws JsonRpcException -32602 when {@code requestState} or {@code inputResponses} is malformed or the state
     *                          is not accepted
     */
    ClientInput open(String method, String target, ObjectNode params, RequestContext context) throws JsonRpcException {
        if (!context.modern()) {
            return context.legacy() == null ? STATELESS : new LegacyClientInput(context.legacy().clientRequests(),
                    context.channel(), context.cancellation(), mapper);
        }
        JsonNode carried = mapper.createObjectNode();
        JsonNode state = params.get("requestState");
        if (state != null && !state.isNull()) {
            if (!state.isTextual()) {
                throw JsonRpcErrors.invalidParams("Invalid params: 'requestState' must be a string");
            }
            JsonNode endpointState = states.redeem(state.asText(), binding(method, target, params, context));
            if (endpointState.path(ANSWERS).isObject()) {
                carried = endpointState.get(ANSWERS);
            }
        }
        return new ModernClientInput(params.path("_meta").path(MetaKeys.CLIENT_CAPABILITIES), carried,
                responses(params), mapper);
    }

    /** The request's {@code inputResponses}: an object of the client's results by input request key. */
    private JsonNode responses(ObjectNode params) throws JsonRpcException {
        JsonNode responses = params.get("inputResponses");
        if (responses == null) {
            return mapper.createObjectNode();
        }
        if (!responses.isObject()) {
            throw JsonRpcErrors.invalidParams("Invalid params: 'inputResponses' must be an object of the client's "
                    + "results by input request key");
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = responses.fields(); entries.hasNext();) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().isObject()) {
                throw JsonRpcErrors.invalidParams("Invalid params: inputResponses['" + entry.getKey()
                        + "'] must be an object (the client's result for that input request)");
            }
        }
        return responses;
    }

    /**
     * The answer to a modern request whose endpoint failed for want of client input: the {@code input_required}
     * result. Null when the failure has another cause, and for legacy requests (whose failures are errors).
     *
     * @throws JsonRpcException -32021 when the endpoint asked for input through a capability the request did not
     *                          declare
     */
    ObjectNode inputRequired(Throwable failure, ClientInput input, String method, String target, ObjectNode params,
            RequestContext context) throws JsonRpcException {
        if (!(input instanceof ModernClientInput modern)) {
            return null;
        }
        InputRequiredException asked = InputRequiredException.in(failure);
        MissingClientCapabilityException missing = MissingClientCapabilityException.in(failure);
        if (asked != null && missing == null) {
            try {
                Asks.requireDeclared(asked.requests(), modern);
            } catch (MissingClientCapabilityException undeclared) {
                missing = undeclared;
            }
        }
        if (missing != null) {
            ObjectNode required = mapper.createObjectNode();
            missing.capabilities().forEach(required::putObject);
            throw JsonRpcErrors.missingClientCapability(required);
        }
        if (asked == null) {
            return null;
        }
        ObjectNode result = mapper.createObjectNode();
        ObjectNode requests = result.putObject("inputRequests");
        asked.requests().forEach((key, request) -> requests.putObject(key).put("method", request.method())
                .set("params", mapper.valueToTree(request.params())));
        ObjectNode endpointState = mapper.createObjectNode();
        endpointState.set(ANSWERS, modern.gathered());
        result.put("requestState", states.issue(binding(method, target, params, context), endpointState));
        return results.inputRequired(result);
    }

    /** A state is good for the same request of the same user (null when anonymous) only. */
    private static RequestStates.Binding binding(String method, String target, ObjectNode params,
            RequestContext context) {
        return new RequestStates.Binding(UserKeys.of(context.user()), method, target, params.get("arguments"));
    }
}
