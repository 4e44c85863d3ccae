package io.mxcp.cli.admin;

import java.util.List;
import java.util.Map;

/**
 * What a route does, for {@code /openapi.json} and for its 500 answers.
 *
 * @param summary    one line saying what the route answers
 * @param failure    what a 500 answer says failed, e.g. {@code Failed to get status}
 * @param parameters the query parameters it reads
 * @param mediaType  the media type of its 200 answer
 * @param response   the JSON Schema of its 200 answer
 */
record Operation(String summary, String failure, List<QueryParameter> parameters, String mediaType,
        Map<String, Object> response) {

    static final String JSON = "application/json";
    static final String HTML = "text/html";

    /** A query parameter: all are optional. */
    record QueryParameter(String name, Map<String, Object> schema) {
    }

    static Operation json(String summary, String failure, Map<String, Object> response) {
        return new Operation(summary, failure, List.of(), JSON, response);
    }

    static Operation html(String summary, String failure) {
        return new Operation(summary, failure, List.of(), HTML, JsonSchema.string("An HTML page"));
    }

    Operation with(QueryParameter... queryParameters) {
        return new Operation(summary, failure, List.of(queryParameters), mediaType, response);
    }
}
