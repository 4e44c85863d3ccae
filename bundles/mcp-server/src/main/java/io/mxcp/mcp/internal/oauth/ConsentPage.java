package io.mxcp.mcp.internal.oauth;

import java.net.URI;

/**
 * The page where the user allows a dynamically registered client to act as them, before being sent to the
 * provider: it names the client, where the answer goes and which provider signs them in (the MCP security best
 * practices' answer to the confused deputy). Served with the cookie that binds the request to this browser.
 *
 * @param html      the page
 * @param setCookie the {@code Set-Cookie} header
 */
public record ConsentPage(String html, String setCookie) implements BrowserAnswer {

    static ConsentPage of(String clientName, String redirectUri, String provider, String scope, String request,
            String setCookie) {
        URI uri = URI.create(redirectUri);
        // an https address by its origin; anything else (a native app's scheme) in full, as it is what receives
        String destination = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())
                ? uri.getScheme() + "://" + uri.getRawAuthority() : "the application for " + redirectUri;
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Allow access?</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}
                button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem}</style></head>
                <body><h1>Allow access?</h1>
                <p><strong>%s</strong> asks to use this MCP server as you. You will sign in at <strong>%s</strong>;
                the client then receives a token for this server, sent to <strong>%s</strong>.</p>%s
                <form method="post" action="%s">
                <input type="hidden" name="request" value="%s">
                <button type="submit" name="decision" value="allow">Allow</button>
                <button type="submit" name="decision" value="deny">Deny</button>
                </form></body></html>
                """.formatted(escape(clientName), escape(provider), escape(destination),
                scope == null || scope.isBlank() ? "" : "<p>Scopes: " + escape(scope) + "</p>",
                OAuthPaths.CONSENT, escape(request));
        return new ConsentPage(html, setCookie);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
