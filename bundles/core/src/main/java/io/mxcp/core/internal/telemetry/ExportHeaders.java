package io.mxcp.core.internal.telemetry;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.mxcp.core.internal.schema.SchemaException;

/**
 * Checks the headers sent with every export when the server starts, so that a header the HTTP client would refuse
 * fails {@code serve} naming it instead of failing each export later. A value is never repeated in a message: header
 * values carry credentials.
 */
final class ExportHeaders {

    /** Headers the JDK's HTTP client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    /** RFC 9110 §5.6.2's token characters besides letters and digits. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private ExportHeaders() {
    }

    /**
     * @param source where the headers came from ({@code <location>.headers} or the variable), for the message
     * @throws SchemaException naming the header whose name or value cannot be sent
     */
    static void check(Map<String, String> headers, String source) throws SchemaException {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            if (!isToken(name)) {
                throw new SchemaException(source, "'" + name + "' is not an HTTP header name (letters, digits and "
                        + TOKEN_SYMBOLS + " only)");
            }
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new SchemaException(source, "'" + name + "' is set by the exporter itself and cannot be configured");
            }
            if (hasControlCharacter(header.getValue())) {
                throw new SchemaException(source, "the value of '" + name
                        + "' holds a line break or another control character");
            }
        }
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letterOrDigit = c < 128 && Character.isLetterOrDigit(c);
            if (!letterOrDigit && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c == 0x7f)) {
                return true;
            }
        }
        return false;
    }
}
