package io.mxcp.auth.oidc;

import java.time.Clock;
import java.util.Map;
import java.util.function.LongSupplier;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;
import io.mxcp.sdk.auth.TokenVerifier;
import io.mxcp.sdk.auth.UserContext;

/**
 * Verifier mode for one OIDC issuer. A JWT is checked against the issuer's keys and nothing else: a JWT that fails
 * (another audience, expired) is refused, never handed to introspection, which would accept any live token of the
 * issuer. An opaque token is introspected when the issuer offers it and a client secret is configured.
 */
final class OidcTokenVerifier implements TokenVerifier {
    private final OidcVerifierSettings settings;
    private final IssuerHttp http;
    private final IssuerDiscovery discovery;
    private final TokenIntrospection introspection;
    private final String audience;
    private final VerifiedJwts verified = new VerifiedJwts(Clock.systemUTC());
    private volatile JwtCheck jwtCheck;

    OidcTokenVerifier(OidcVerifierSettings settings, IssuerHttp http, LongSupplier nanoClock) {
        this.settings = settings;
        this.http = http;
        this.discovery = new IssuerDiscovery(settings.configUrl(), http, nanoClock);
        this.audience = settings.audience() != null ? settings.audience() : settings.clientId();
        this.introspection = new TokenIntrospection(http, settings, audience);
    }

    @Override
    public UserContext verify(String token) throws AuthException {
        UserContext known = verified.user(token);
        if (known != null) {
            return known;
        }
        IssuerMetadata issuer = discovery.metadata();
        Map<String, Object> claims;
        if (issuer.jwksUri() != null && JwtCheck.looksLikeJwt(token)) {
            claims = jwtCheck(issuer).claims(token);
            if ("ID".equals(claims.get("typ")) || claims.containsKey("at_hash")) {
                // an ID token names the client as audience too, but it proves a login, it grants no access
                throw new InvalidTokenException("An ID token is not an access token");
            }
            UserContext user = OidcUsers.user(claims, settings.providerName());
            verified.remember(token, user, claims.get("exp"));
            return user;
        } else if (issuer.introspectionEndpoint() != null && settings.clientSecret() != null) {
            claims = introspection.claims(issuer.introspectionEndpoint(), token, System.currentTimeMillis() / 1000);
        } else {
            throw new InvalidTokenException(issuer.jwksUri() != null
                    ? "The token is not a JWT, and opaque tokens need the issuer's introspection endpoint and "
                            + "auth.oidc.client_secret"
                    : "The issuer publishes no key set, and opaque tokens need its introspection endpoint and "
                            + "auth.oidc.client_secret");
        }
        return OidcUsers.user(claims, settings.providerName());
    }

    @Override
    public String issuer() throws AuthException {
        return discovery.metadata().issuer();
    }

    private JwtCheck jwtCheck(IssuerMetadata issuer) throws AuthException {
        JwtCheck check = jwtCheck;
        if (check == null) {
            synchronized (this) {
                if (jwtCheck == null) {
                    jwtCheck = new JwtCheck(issuer, audience);
                }
                check = jwtCheck;
            }
        }
        return check;
    }

    @Override
    public void close() {
        JwtCheck check = jwtCheck;
        if (check != null) {
            check.close();
        }
        http.close();
    }
}
