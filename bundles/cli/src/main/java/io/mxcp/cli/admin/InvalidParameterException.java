package io.mxcp.cli.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A query parameter a route cannot use: answered 422 with one validation error, in FastAPI's shape. */
final class InvalidParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String value;

    InvalidParameterException(String parameter, String value, String message) {
        super(message);
        this.parameter = parameter;
        this.value = value;
    }

    /** The {@code detail} list of the 422 answer. */
    List<Map<String, Object>> errors() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "value_error");
        error.put("loc", List.of("query", parameter));
        error.put("msg", getMessage());
        error.put("input", value);
        return List.of(error);
    }
}
