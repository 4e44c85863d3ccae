package io.mxcp.sdk.exec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A 2026-07-28 call needs input its request does not carry yet ({@link ClientInput}). Executors let it propagate
 * (as itself or as the cause of their own failure): the server answers the request with the input requests, and the
 * client's retry runs the endpoint again with the answers.
 */
public class InputRequiredException extends EndpointExecutionException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, InputRequest> requests;

    /** @param requests what is still unanswered, by key */
    public InputRequiredException(Map<String, InputRequest> requests) {
        super("the endpoint needs input from the MCP client ("
                + requests.values().stream().map(InputRequest::method).distinct().collect(Collectors.joining(", "))
                + ") before it can finish");
        this.requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
    }

    /** The unanswered input requests by key, in the order asked. */
    public Map<String, InputRequest> requests() {
        return requests;
    }

    /** The request for input in a failure's cause chain, or null. */
    public static InputRequiredException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputRequiredException asked) {
                return asked;
            }
        }
        return null;
    }
}
