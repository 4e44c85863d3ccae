package io.mxcp.cli.admin;

import java.util.Map;

/**
 * One answer of the admin socket: a status and a body written as JSON.
 *
 * @param status  the HTTP status code
 * @param body    a JSON-ready value (maps, lists, strings, numbers, booleans, null)
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
}
