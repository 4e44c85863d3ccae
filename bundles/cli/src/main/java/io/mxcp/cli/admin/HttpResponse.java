package io.mxcp.cli.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of the admin socket: a status and a body written as JSON (or as HTML for an {@link HtmlPage}).
 *
 * @param status  the HTTP status code
 * @param body    a JSON-ready value (maps, lists, strings, numbers, booleans, null) or an {@link HtmlPage}
 * @param headers extra headers beyond the content ones (e.g. {@code Allow})
 */
record HttpResponse(int status, Object body, Map<String, String> headers) {

    static HttpResponse ok(Object body) {
        return new HttpResponse(200, body, Map.of());
    }

    /** An error answer in the {@code {"detail": ...}} shape of the reference. */
    static HttpResponse error(int status, Object detail) {
        return new HttpResponse(status, Map.of("detail", detail), Map.of());
    }

    /**
     * The answer to an error no route handles (the reference's global handler).
     *
     * @param detail the error's message, or null (the server runs without {@code --debug})
     */
    static HttpResponse internalError(String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "internal_error");
        body.put("message", "Internal server error");
        body.put("detail", detail);
        return new HttpResponse(500, body, Map.of());
    }
}
