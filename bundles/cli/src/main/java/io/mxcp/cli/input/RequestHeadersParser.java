package io.mxcp.cli.input;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.output.Json;

/** Turns {@code --request-headers JSON|@file} into header values; non-string values become their JSON text
 * and null values are left out. */
public final class RequestHeadersParser {

    private RequestHeadersParser() {
    }

    public static Map<String, String> parse(String argument, Path workingDirectory) throws CommandFailure {
        Object json = JsonArgument.parse(argument, workingDirectory, "request headers");
        if (!(json instanceof Map<?, ?> object)) {
            throw CommandFailure.badParameter("Request headers must be a JSON object");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        object.forEach((name, value) -> {
            if (value != null) {
                headers.put(String.valueOf(name), value instanceof String text ? text : Json.compact(value));
            }
        });
        return headers;
    }
}
