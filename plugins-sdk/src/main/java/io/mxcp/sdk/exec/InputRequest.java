package io.mxcp.sdk.exec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing an endpoint asks the MCP client of its call for, in MCP's wire form: a form its user fills in
 * ({@code elicitation/create}), a completion from its language model ({@code sampling/createMessage}) or its roots
 * ({@code roots/list}).
 *
 * @param method one of {@link #ELICITATION}, {@link #SAMPLING}, {@link #ROOTS}
 * @param params the request's params as JSON-ready values (maps, lists, strings, numbers, booleans, null), as the
 *               MCP specification defines them for the method
 */
public record InputRequest(String method, Map<String, Object> params) {
    public static final String ELICITATION = "elicitation/create";
    public static final String SAMPLING = "sampling/createMessage";
    public static final String ROOTS = "roots/list";

    public InputRequest {
        if (capability(method) == null) {
            throw new IllegalArgumentException("an input request's method must be " + ELICITATION + ", " + SAMPLING
                    + " or " + ROOTS + ", not " + method);
        }
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * A form for the client's user.
     *
     * @param message         what the user is asked
     * @param requestedSchema a flat JSON Schema object of the answer's fields
     */
    public static InputRequest elicitation(String message, Map<String, Object> requestedSchema) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("message", message);
        params.put("requestedSchema", requestedSchema);
        return new InputRequest(ELICITATION, params);
    }

    /** A completion from the client's model; {@code params} holds at least {@code messages} and {@code maxTokens}. */
    public static InputRequest sampling(Map<String, Object> params) {
        return new InputRequest(SAMPLING, params);
    }

    /** The client's roots (the folders or URIs it exposes). */
    public static InputRequest roots() {
        return new InputRequest(ROOTS, Map.of());
    }

    /** The client capability this request needs: {@code elicitation}, {@code sampling} or {@code roots}. */
    public String capability() {
        return capability(method);
    }

    private static String capability(String method) {
        if (method == null) {
            return null;
        }
        return switch (method) {
            case ELICITATION -> "elicitation";
            case SAMPLING -> "sampling";
            case ROOTS -> "roots";
            default -> null;
        };
    }
}
