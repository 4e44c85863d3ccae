package io.mxcp.auth.oidc;

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenVerifier;
import io.mxcp.sdk.auth.TokenVerifierProvider;

/** Verifier mode with {@code provider: oidc}: bearer JWTs (or introspected opaque tokens) of any OIDC issuer. */
@Component(service = TokenVerifierProvider.class)
public final class OidcVerifierProvider implements TokenVerifierProvider {

    @Override
    public String providerName() {
        return "oidc";
    }

    @Override
    public TokenVerifier open(Map<String, Object> settings) throws AuthException {
        return new OidcTokenVerifier(OidcVerifierSettings.parse(settings), new IssuerHttp(), System::nanoTime);
    }
}
