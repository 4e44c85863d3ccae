package io.mxcp.mcp.internal.http;

/**
 * What a request's {@code Accept} header allows, read as RFC 9110 §12.5.1 reads it: the most specific media range
 * that matches a type decides, and a quality of 0 refuses the type ({@code application/json;q=0, text/event-stream}
 * asks for an event stream). Scans the header text in place: it is read on every POST.
 */
final class AcceptHeader {
    private static final int NO_MATCH = -1;
    private static final int ANY_TYPE = 0;
    private static final int ANY_SUBTYPE = 1;
    private static final int EXACT = 2;

    private AcceptHeader() {
    }

    /** Whether the type is acceptable, through a wildcard range too; a request without the header accepts anything. */
    static boolean allows(String header, String type) {
        return header == null || header.isBlank() || quality(header, type, true) > 0;
    }

    /**
     * Whether the header lists the type itself with a quality above 0. MCP asks clients to name
     * {@code text/event-stream} for a stream, so a wildcard is not taken as a request for one.
     */
    static boolean names(String header, String type) {
        return header != null && quality(header, type, false) > 0;
    }

    private static float quality(String header, String type, boolean wildcards) {
        int bestMatch = NO_MATCH;
        float bestQuality = 0;
        int start = 0;
        while (start <= header.length()) {
            int end = header.indexOf(',', start);
            if (end < 0) {
                end = header.length();
            }
            int parameters = header.indexOf(';', start);
            int rangeEnd = parameters >= 0 && parameters < end ? parameters : end;
            int match = match(header.substring(start, rangeEnd).strip(), type, wildcards);
            if (match > bestMatch) {
                bestMatch = match;
                bestQuality = rangeEnd < end ? qualityParameter(header.substring(rangeEnd + 1, end)) : 1;
            }
            start = end + 1;
        }
        return bestQuality;
    }

    private static int match(String range, String type, boolean wildcards) {
        if (range.equalsIgnoreCase(type)) {
            return EXACT;
        }
        if (!wildcards) {
            return NO_MATCH;
        }
        if (range.equals("*/*")) {
            return ANY_TYPE;
        }
        int slash = type.indexOf('/');
        boolean sameTopLevel = range.length() == slash + 2 && range.endsWith("/*")
                && range.regionMatches(true, 0, type, 0, slash);
        return sameTopLevel ? ANY_SUBTYPE : NO_MATCH;
    }

    /** The {@code q} of a range's parameters ({@code charset=utf-8; q=0.5}); 1 when absent or not a number. */
    private static float qualityParameter(String parameters) {
        for (String parameter : parameters.split(";")) {
            String named = parameter.strip();
            if (named.length() > 2 && (named.charAt(0) == 'q' || named.charAt(0) == 'Q') && named.charAt(1) == '=') {
                try {
                    return Float.parseFloat(named.substring(2));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
