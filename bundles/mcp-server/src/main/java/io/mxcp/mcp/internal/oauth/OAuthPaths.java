package io.mxcp.mcp.internal.oauth;

/** Where the authorization server's endpoints are, under the server's base URL. */
public final class OAuthPaths {
    public static final String METADATA = "/.well-known/oauth-authorization-server";
    public static final String AUTHORIZE = "/authorize";
    public static final String CONSENT = "/authorize/consent";
    public static final String TOKEN = "/token";
    public static final String REGISTER = "/register";
    public static final String REVOKE = "/revoke";

    private OAuthPaths() {
    }
}
