package io.mxcp.mcp.internal.auth;

import io.mxcp.sdk.auth.UserContext;

/**
 * What the gate decided about a request.
 *
 * @param user        the authenticated user; null when the request is refused, or when authentication is off
 * @param status      0 when admitted, else the HTTP status of the refusal (401, 403, 503)
 * @param error       the OAuth error code of a refusal ({@code invalid_token}, {@code insufficient_scope},
 *                    {@code temporarily_unavailable})
 * @param description the refusal's text for the client (never the token, never the operator's detail)
 */
public record Verdict(UserContext user, int status, String error, String description) {

    public static final Verdict ANONYMOUS = new Verdict(null, 0, null, null);
    public static final Verdict AUTHENTICATION_REQUIRED = refused(401, "invalid_token", "Authentication required");

    static Verdict admitted(UserContext user) {
        return new Verdict(user, 0, null, null);
    }

    static Verdict refused(int status, String error, String description) {
        return new Verdict(null, status, error, description);
    }

    public boolean admitted() {
        return status == 0;
    }
}
