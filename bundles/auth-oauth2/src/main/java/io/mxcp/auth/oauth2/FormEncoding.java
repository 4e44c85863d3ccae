package io.mxcp.auth.oauth2;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code application/x-www-form-urlencoded} pairs, encoded as Python's {@code urlencode} does (RFC 3986 unreserved
 * characters kept, space as {@code +}), so authorization URLs are the original's byte for byte.
 */
public final class FormEncoding {

    private FormEncoding() {
    }

    /** The pairs in their map's order; pairs whose value is null are left out. */
    public static String encode(Map<String, String> pairs) {
        return pairs.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    public static String encode(String value) {
        // URLEncoder keeps '*' and escapes '~'; RFC 3986 (and Python's quote_plus) do the opposite
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }
}
