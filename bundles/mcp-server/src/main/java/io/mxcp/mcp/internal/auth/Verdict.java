package io.mxcp.mcp.internal.auth;

import io.mxcp.sdk.auth.UserContext;

/**
 * What the gate decided about a request.
 *
 * @param user        the authenticated user: the caller when admitted, the token's user when refused for a missing
 *                    scope; null when authentication is off or the token is missing or not valid
 * @param status      0 when admitted, else the HTTP status of the refusal (401, 403, 503)
 * @param error       the OAuth error code of a refusal ({@code invalid_token}, {@code insufficient_scope},
 *                    {@code temporarily_unavailable})
 * @param description the refusal's text for the client (never the token, never the operator's detail)
 * @param reason      the refusal's text for the operator's audit log: the error code and why (never the token)
 */
public record Verdict(UserContext user, int status, String error, String description, String reason) {

    public static final Verdict ANONYMOUS = new Verdict(null, 0, null, null, null);
    public static final Verdict AUTHENTICATION_REQUIRED = unauthenticated("no bearer token");

    static Verdict admitted(UserContext user) {
        return new Verdict(user, 0, null, null, null);
    }

    /** 401: no token, or one that is not valid for why. */
    static Verdict unauthenticated(String why) {
        return refused(null, 401, "invalid_token", "Authentication required", why);
    }

    /** A refusal whose operator's reason is the error code and why. */
    static Verdict refused(UserContext user, int status, String error, String description, String why) {
        return new Verdict(user, status, error, description, error + ": " + why);
    }

    public boolean admitted() {
        return status == 0;
    }
}
