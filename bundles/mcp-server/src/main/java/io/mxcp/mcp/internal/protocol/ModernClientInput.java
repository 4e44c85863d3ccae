package io.mxcp.mcp.internal.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.sdk.exec.ClientInput;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.InputRequest;
import io.mxcp.sdk.exec.InputRequiredException;
import io.mxcp.sdk.exec.MissingClientCapabilityException;

/**
 * Input for a 2026-07-28 request (spec 04b §5), which the server cannot ask anything while it runs. An ask is
 * answered from what earlier rounds gathered (carried in the verified {@code requestState}) or from the request's
 * {@code inputResponses}; when some are still unanswered, the endpoint stops with {@link InputRequiredException} and
 * the answers it used so far go into the next round's state. Only capabilities the request declared may be asked.
 */
final class ModernClientInput implements ClientInput {
    private static final Set<String> ELICITATION_ACTIONS = Set.of("accept", "decline", "cancel");

    private final JsonNode declared;
    private final JsonNode carried;
    private final JsonNode responses;
    private final ObjectMapper mapper;
    /** The answers this run used, in the order asked: what the next round's state carries. */
    private final ObjectNode gathered;
    private final AtomicInteger unnamed = new AtomicInteger();

    /**
     * @param declared  the request's {@code _meta} client capabilities
     * @param carried   the answers of earlier rounds, by key (an empty object on the first round)
     * @param responses the request's {@code inputResponses}, by key (an empty object when none)
     */
    ModernClientInput(JsonNode declared, JsonNode carried, JsonNode responses, ObjectMapper mapper) {
        this.declared = declared;
        this.carried = carried;
        this.responses = responses;
        this.mapper = mapper;
        this.gathered = mapper.createObjectNode();
    }

    @Override
    public boolean supports(String capability) {
        return declared.has(capability);
    }

    @Override
    public Map<String, Object> ask(InputRequest request) throws EndpointExecutionException {
        return ask(Asks.unnamed(unnamed), request);
    }

    @Override
    public Map<String, Map<String, Object>> ask(Map<String, InputRequest> requests)
            throws InputRequiredException, MissingClientCapabilityException {
        Asks.requireDeclared(requests, this);
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        Map<String, InputRequest> unanswered = new LinkedHashMap<>();
        requests.forEach((key, request) -> {
            JsonNode answer = carried.has(key) ? carried.get(key) : responses.get(key);
            if (answer != null && answers(request, answer)) {
                synchronized (gathered) {
                    gathered.set(key, answer);
                }
                answers.put(key, Asks.toMap(answer, mapper));
            } else {
                unanswered.put(key, request);
            }
        });
        if (!unanswered.isEmpty()) {
            throw new InputRequiredException(unanswered);
        }
        return answers;
    }

    /** The answers used so far, for the next round's state. */
    ObjectNode gathered() {
        synchronized (gathered) {
            return gathered.deepCopy();
        }
    }

    /**
     * Whether a response has the form of the method's result; one that does not is asked for again (SEP-2322:
     * re-request what is missing rather than fail).
     */
    private static boolean answers(InputRequest request, JsonNode answer) {
        return switch (request.method()) {
            case InputRequest.ELICITATION -> ELICITATION_ACTIONS.contains(answer.path("action").asText());
            case InputRequest.SAMPLING -> answer.has("content");
            case InputRequest.ROOTS -> answer.path("roots").isArray();
            default -> false;
        };
    }
}
