package io.mxcp.mcp.internal.auth;

/** The authentication services the server component tracks: verifiers and upstream logins. */
public record AuthServices(TokenVerifiers verifiers, AuthProviders providers) {

    /** None installed yet. */
    public AuthServices() {
        this(new TokenVerifiers(), new AuthProviders());
    }
}
