package io.mxcp.sdk.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An absolute http or https URL with a host, read from a configuration value.
 *
 * <p>A refused value is described, never quoted: {@code auth.oidc.config_url is not an http(s) URL: it has no
 * scheme (write https://…)}.
 */
public final class HttpUrl {
    private HttpUrl() {
    }

    /**
     * The value, without surrounding white space, as a URI.
     *
     * @param value the configured text
     * @param field where the value was configured, as the user wrote it ({@code auth.oidc.config_url}): the start of
     *              the message when the value is refused
     * @throws IllegalArgumentException {@code <field> is not an http(s) URL: <what is wrong>}
     */
    public static URI parse(String value, String field) {
        String text = value.strip();
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(field + " is not an http(s) URL: " + problem);
        }
        return URI.create(text);
    }

    private static String problem(String text) {
        long lines = text.lines().count();
        if (lines > 1) {
            return "it has " + lines + " lines (does its reference point at the right value?)";
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // the reason names the kind of fault, never the text (the exception's message would)
            return "it is not a URL (" + e.getReason().toLowerCase(Locale.ROOT)
                    + (e.getIndex() < 0 ? "" : " at character " + (e.getIndex() + 1)) + ")";
        }
        // host:port reads as scheme host and opaque part port
        if (uri.getScheme() == null || uri.isOpaque() && uri.getSchemeSpecificPart().matches("\\d+(/.*)?")) {
            return "it has no scheme (write https://…)";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "its scheme is neither http nor https";
        }
        if (uri.getHost() == null) {
            return "it has no host name";
        }
        return null;
    }
}
