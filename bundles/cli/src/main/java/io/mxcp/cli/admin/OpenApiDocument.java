package io.mxcp.cli.admin;

import static io.mxcp.cli.admin.JsonSchema.arrayOf;
import static io.mxcp.cli.admin.JsonSchema.enumOf;
import static io.mxcp.cli.admin.JsonSchema.nullable;
import static io.mxcp.cli.admin.JsonSchema.object;
import static io.mxcp.cli.admin.JsonSchema.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin API's OpenAPI 3.1 document, written from the route table: every route with its summary, query
 * parameters and answer shapes, so the document cannot list a route the socket does not serve or miss one it does.
 */
final class OpenApiDocument {

    static final String TITLE = "MXCP Admin API";
    static final String VERSION = "1.0.0";
    private static final String DESCRIPTION = "Local administration interface of an MXCP server: status, health, "
            + "reload, configuration metadata, endpoints, audit log and system metrics, as HTTP + JSON over a Unix "
            + "domain socket that only its owner can open (mode 0600).";

    /** The error answers' shapes, by the names the operations refer to them with. */
    private static final Map<String, Object> ERROR_SCHEMAS = ordered(
            "HTTPError", object().with("detail", string("What failed")).schema("A route's own failure"),
            "ValidationError", object().with("detail", arrayOf(object()
                    .with("type", string(null))
                    .with("loc", arrayOf(string(null), "Where: [\"query\", <parameter>]"))
                    .with("msg", string(null))
                    .with("input", string("The value given"))
                    .schema("One invalid parameter"), null)).schema("Invalid query parameters"),
            "InternalError", object()
                    .with("error", enumOf(null, "internal_error"))
                    .with("message", string(null))
                    .with("detail", nullable(string("The error's message, only when the server runs with --debug")))
                    .schema("An error no route handles"));

    private OpenApiDocument() {
    }

    static Map<String, Object> of(RouteTable routes) {
        Map<String, Object> paths = new LinkedHashMap<>();
        routes.operations().forEach((path, methods) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            methods.forEach((method, operation) -> item.put(method.toLowerCase(Locale.ROOT),
                    operation(method, path, operation)));
            paths.put(path, item);
        });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", ordered("title", TITLE, "version", VERSION, "description", DESCRIPTION));
        document.put("paths", paths);
        document.put("components", ordered("schemas", ERROR_SCHEMAS));
        return document;
    }

    private static Map<String, Object> operation(String method, String path, Operation operation) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", response("Successful Response", operation.mediaType(), operation.response()));
        if (!operation.parameters().isEmpty()) {
            responses.put("422", response("Invalid query parameter", Operation.JSON, reference("ValidationError")));
        }
        responses.put("500", response(operation.failure() + ", or an error no route handles", Operation.JSON,
                ordered("oneOf", List.of(reference("HTTPError"), reference("InternalError")))));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("summary", operation.summary());
        item.put("operationId", (method + path).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("_$", ""));
        if (!operation.parameters().isEmpty()) {
            item.put("parameters", operation.parameters().stream().map(OpenApiDocument::parameter).toList());
        }
        item.put("responses", responses);
        return item;
    }

    private static Map<String, Object> parameter(Operation.QueryParameter parameter) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", parameter.name());
        item.put("in", "query");
        item.put("required", false);
        item.put("schema", parameter.schema());
        return item;
    }

    private static Map<String, Object> response(String description, String mediaType, Map<String, Object> schema) {
        return ordered("description", description, "content", ordered(mediaType, ordered("schema", schema)));
    }

    /** A map of names and values in the order given: the document reads the same at every request. */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> reference(String schema) {
        return ordered("$ref", "#/components/schemas/" + schema);
    }
}
