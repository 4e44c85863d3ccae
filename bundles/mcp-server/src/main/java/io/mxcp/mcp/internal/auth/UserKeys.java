package io.mxcp.mcp.internal.auth;

import io.mxcp.sdk.auth.UserContext;

/** One text per authenticated user, to bind what the server hands out (sessions, request states) to its user. */
public final class UserKeys {

    private UserKeys() {
    }

    /** The provider and user id; null for an anonymous caller. */
    public static String of(UserContext user) {
        return user == null ? null : user.provider() + "\0" + user.userId();
    }
}
