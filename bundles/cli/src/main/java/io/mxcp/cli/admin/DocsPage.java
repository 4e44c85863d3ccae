package io.mxcp.cli.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The admin API's documentation as one HTML page written on the server from the OpenAPI document: no script, no
 * style sheet or font from elsewhere, so it shows the same offline and through {@code curl --unix-socket}.
 */
final class DocsPage {

    private static final String STYLE = "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;"
            + "line-height:1.4}section{border-top:1px solid #ccc;padding:.5em 0}code{background:#f3f3f3;"
            + "padding:0 .2em}em{color:#555}";

    private DocsPage() {
    }

    static HtmlPage of(Map<String, Object> document) {
        Map<String, Object> info = map(document.get("info"));
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.append("<title>").append(escape(info.get("title"))).append("</title><style>").append(STYLE)
                .append("</style></head><body>");
        html.append("<h1>").append(escape(info.get("title"))).append(" <small>").append(escape(info.get("version")))
                .append("</small></h1><p>").append(escape(info.get("description"))).append("</p>");
        html.append("<p>The same as an OpenAPI 3.1 document: <a href=\"/openapi.json\">/openapi.json</a></p>");
        map(document.get("paths")).forEach((path, methods) -> map(methods).forEach((method, operation) ->
                section(path, method, map(operation), html)));
        return new HtmlPage(html.append("</body></html>\n").toString());
    }

    private static void section(String path, String method, Map<String, Object> operation, StringBuilder html) {
        html.append("<section id=\"").append(escape(operation.get("operationId"))).append("\"><h2>")
                .append(method.toUpperCase(Locale.ROOT)).append(" <code>").append(escape(path))
                .append("</code></h2><p>").append(escape(operation.get("summary"))).append("</p>");
        if (operation.get("parameters") instanceof List<?> parameters) {
            html.append("<h3>Query parameters</h3><ul>");
            for (Object parameter : parameters) {
                Map<String, Object> item = map(parameter);
                field(String.valueOf(item.get("name")), map(item.get("schema")), html);
            }
            html.append("</ul>");
        }
        Map<String, Object> ok = map(map(operation.get("responses")).get("200"));
        map(ok.get("content")).forEach((mediaType, content) -> {
            Map<String, Object> schema = map(map(content).get("schema"));
            html.append("<h3>Answer <em>").append(escape(mediaType)).append("</em></h3><p>")
                    .append(escape(schema.getOrDefault("description", ""))).append("</p>");
            fields(schema, html);
        });
        html.append("</section>");
    }

    /** The fields of an object schema (or of an array's items) as a nested list. */
    private static void fields(Map<String, Object> schema, StringBuilder html) {
        Map<String, Object> object = schema.get("items") != null ? map(schema.get("items")) : schema;
        if (object.get("properties") != null) {
            html.append("<ul>");
            map(object.get("properties")).forEach((name, field) -> field(name, map(field), html));
            html.append("</ul>");
        }
    }

    private static void field(String name, Map<String, Object> schema, StringBuilder html) {
        html.append("<li><code>").append(escape(name)).append("</code> <em>").append(escape(type(schema)))
                .append("</em>");
        if (schema.get("description") != null) {
            html.append(" — ").append(escape(schema.get("description")));
        }
        fields(schema, html);
        html.append("</li>");
    }

    private static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        String name = type instanceof List<?> types
                ? types.stream().map(String::valueOf).collect(Collectors.joining(" or "))
                : String.valueOf(type);
        if (schema.get("items") != null) {
            name += " of " + type(map(schema.get("items")));
        }
        if (schema.get("enum") instanceof List<?> values) {
            name += ": " + values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String escape(Object text) {
        return String.valueOf(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
