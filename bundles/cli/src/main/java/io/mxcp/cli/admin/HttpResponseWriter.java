package io.mxcp.cli.admin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.mxcp.cli.output.Json;

/** Encodes a response as HTTP/1.1 with a JSON (or HTML) body; every connection closes after its one answer. */
final class HttpResponseWriter {

    private static final Map<Integer, String> REASONS = Map.of(200, "OK", 400, "Bad Request", 404, "Not Found",
            405, "Method Not Allowed", 422, "Unprocessable Entity", 500, "Internal Server Error");

    private HttpResponseWriter() {
    }

    /**
     * The whole answer, head and body: encoded before anything is sent, so that a body that cannot be written as
     * JSON can still be answered with an error.
     *
     * @throws IllegalArgumentException when the body cannot be written as JSON
     */
    static byte[] encode(HttpResponse response) {
        String contentType = "application/json";
        String text;
        if (response.body() instanceof HtmlPage page) {
            contentType = "text/html; charset=utf-8";
            text = page.html();
        } else {
            text = Json.compact(response.body());
        }
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder();
        head.append("HTTP/1.1 ").append(response.status()).append(' ')
                .append(REASONS.getOrDefault(response.status(), "Error")).append("\r\n");
        head.append("Content-Type: ").append(contentType).append("\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\n");
        response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        message.writeBytes(body);
        return message.toByteArray();
    }
}
