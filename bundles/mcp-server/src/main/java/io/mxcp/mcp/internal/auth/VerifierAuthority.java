package io.mxcp.mcp.internal.auth;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenVerifier;
import io.mxcp.sdk.auth.TokenVerifierProvider;
import io.mxcp.sdk.auth.UserContext;

/** Verifier mode: tokens are checked by the newest installed verifier of the configured provider. */
final class VerifierAuthority implements BearerAuthority {
    private static final System.Logger LOG = System.getLogger(VerifierAuthority.class.getName());

    private final NewestOpened<TokenVerifierProvider, TokenVerifier> verifier;

    /**
     * Asks the verifier for its issuer once, so that a provider that cannot be reached at start (its discovery
     * document, say) is in the log then, as in issuer mode, rather than only at the first request with a token.
     */
    VerifierAuthority(AuthSettings settings, TokenVerifiers verifiers) throws AuthException {
        this.verifier = new NewestOpened<>(verifiers, settings.provider(),
                provider -> provider.open(settings.providerBlock()));
        try {
            verifier.get().issuer();
        } catch (AuthException e) {
            LOG.log(System.Logger.Level.WARNING, settings.provider() + ": " + e.getMessage() + "; trying again at each "
                    + "request (until then requests with a token and the protected resource metadata get 503)");
        }
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
