package io.mxcp.mcp.internal.auth;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenVerifier;
import io.mxcp.sdk.auth.TokenVerifierProvider;
import io.mxcp.sdk.auth.UserContext;

/** Verifier mode: tokens are checked by the newest installed verifier of the configured provider. */
final class VerifierAuthority implements BearerAuthority {
    private final NewestOpened<TokenVerifierProvider, TokenVerifier> verifier;

    VerifierAuthority(AuthSettings settings, TokenVerifiers verifiers) throws AuthException {
        this.verifier = new NewestOpened<>(verifiers, settings.provider(),
                provider -> provider.open(settings.providerBlock()));
    }

    @Override
    public UserContext verify(String token) throws AuthException {
        return verifier.get().verify(token);
    }

    @Override
    public String issuer() throws AuthException {
        return verifier.get().issuer();
    }

    @Override
    public void close() {
        verifier.close();
    }
}
