package io.mxcp.mcp.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An endpoint needs input from the client before it can finish (2026-07-28 {@code input_required}, spec 04b §5).
 * Thrown by the endpoint's call (directly or as the cause of the core's failure); the protocol layer answers with
 * an {@code input_required} result and the client retries with {@code inputResponses}.
 */
public final class InputRequired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ObjectNode requests;
    private final transient JsonNode state;

    /**
     * @param requests by key, each {@code {method, params}} ({@code elicitation/create}, {@code sampling/createMessage},
     *                 {@code roots/list})
     * @param state    what the endpoint wants back on the retry (signed by the server), or null
     */
    public InputRequired(ObjectNode requests, JsonNode state) {
        super("the endpoint needs input from the client", null, false, false);
        this.requests = requests;
        this.state = state;
    }

    ObjectNode requests() {
        return requests;
    }

    JsonNode state() {
        return state;
    }

    /** The request for input in a failure's cause chain, or null. */
    static InputRequired in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputRequired asked) {
                return asked;
            }
        }
        return null;
    }
}
