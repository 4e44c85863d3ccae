package io.mxcp.mcp.internal.auth;

import io.mxcp.sdk.auth.TokenVerifierProvider;

/** The installed token verifier services (verifier mode). */
public final class TokenVerifiers extends NamedServices<TokenVerifierProvider> {
    public TokenVerifiers() {
        super(TokenVerifierProvider::providerName);
    }
}
