package io.mxcp.mcp.internal.auth;

import io.mxcp.sdk.auth.AuthProvider;

/** The installed upstream login services (issuer mode). */
public final class AuthProviders extends NamedServices<AuthProvider> {
    public AuthProviders() {
        super(AuthProvider::providerName);
    }
}
