package io.mxcp.cli.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 request: the request line, the headers (only {@code Content-Length} matters; {@code Host} is
 * ignored, any value goes) and the body, which is skipped. Sizes are bounded so a client cannot make the server
 * hold unbounded memory.
 */
final class HttpRequestParser {

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final long MAX_BODY = 1024 * 1024;

    private HttpRequestParser() {
    }

    /** @throws BadRequestException when the bytes are not a request this server reads */
    static HttpRequest read(InputStream in) throws IOException, BadRequestException {
        String[] requestLine = line(in).split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            throw new BadRequestException("Malformed request line");
        }
        skipBody(in, contentLength(in));
        String target = requestLine[1];
        int question = target.indexOf('?');
        String path = decode(question < 0 ? target : target.substring(0, question));
        return new HttpRequest(requestLine[0], path, question < 0 ? Map.of() : query(target.substring(question + 1)));
    }

    /** Reads the headers up to the empty line; the body's length, 0 when not given. */
    private static long contentLength(InputStream in) throws IOException, BadRequestException {
        long length = 0;
        for (int count = 0;; count++) {
            String header = line(in);
            if (header.isEmpty()) {
                return length;
            }
            int colon = header.indexOf(':');
            if (colon <= 0 || count >= MAX_HEADERS) {
                throw new BadRequestException("Malformed header");
            }
            if (header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                length = number(header.substring(colon + 1).trim());
            }
        }
    }

    private static long number(String value) throws BadRequestException {
        try {
            long length = Long.parseLong(value);
            if (length >= 0 && length <= MAX_BODY) {
                return length;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException("Invalid Content-Length");
    }

    /** Reads the body past: the connection closes after the answer, but a client may wait for its body to be read. */
    private static void skipBody(InputStream in, long length) throws IOException {
        in.skipNBytes(length);
    }

    /** One line without its CRLF (a bare LF is accepted too). */
    private static String line(InputStream in) throws IOException, BadRequestException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new BadRequestException("Request ended early");
            }
            if (bytes.size() >= MAX_LINE) {
                throw new BadRequestException("Line too long");
            }
            bytes.write(b);
        }
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static Map<String, String> query(String text) throws BadRequestException {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            parameters.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    private static String decode(String text) throws BadRequestException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Malformed percent-encoding");
        }
    }
}
