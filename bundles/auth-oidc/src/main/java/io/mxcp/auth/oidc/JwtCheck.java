package io.mxcp.auth.oidc;

import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;

/**
 * Checks a JWT against the issuer's key set: signature by a key of the set (chosen by {@code kid}; an unknown
 * {@code kid} fetches the set again, at most twice per 30 s), an asymmetric algorithm, {@code iss} equal to the
 * issuer, {@code aud} naming this resource, {@code exp} in the future and {@code nbf} and {@code iat} in the past
 * (60 s clock skew), {@code sub} present. The set is read again every 5 minutes; while the issuer cannot be reached,
 * the last set read stays in use (for ten times that), so an outage does not refuse the tokens of keys known before
 * it.
 */
final class JwtCheck implements Closeable {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final int KEY_SET_SIZE_LIMIT = 512 * 1024;
    private static final int TIME_LIMIT_MILLIS = (int) IssuerHttp.TIME_LIMIT.toMillis();
    /** Nimbus' words for a token whose kid no key of the set has. */
    private static final String NO_MATCHING_KEY = "no matching key";

    private final JWKSource<SecurityContext> keys;
    private final long refetchMillis;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    /**
     * Whether the last fetch of the key set failed: while it did, a kid the keys in use lack (a key the issuer rotated
     * in) or a fetch refused by the rate limit says nothing of the token.
     */
    private volatile boolean keySetUnreadable;

    JwtCheck(IssuerMetadata issuer, String audience) throws AuthException {
        this(issuer, audience, JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE);
    }

    /**
     * With the key set kept {@code keySetLifeMillis}; the other times are Nimbus' defaults' shares of its default
     * life of 5 minutes: read again ahead of expiry (1/10), a read's time limit (1/20), fetched again for unknown
     * kids at most twice per 1/10.
     */
    JwtCheck(IssuerMetadata issuer, String audience, long keySetLifeMillis) throws AuthException {
        this.refetchMillis = keySetLifeMillis / 10;
        try {
            ResourceRetriever http = new DefaultResourceRetriever(TIME_LIMIT_MILLIS, TIME_LIMIT_MILLIS,
                    KEY_SET_SIZE_LIMIT);
            keys = JWKSourceBuilder.<SecurityContext>create(issuer.jwksUri().toURL(), url -> {
                try {
                    Resource read = http.retrieveResource(url);
                    keySetUnreadable = false;
                    return read;
                } catch (IOException | RuntimeException e) {
                    keySetUnreadable = true;
                    throw e;
                }
            })
                    .cache(keySetLifeMillis, keySetLifeMillis / 20)
                    .refreshAheadCache(keySetLifeMillis / 10, false)
                    .rateLimited(refetchMillis)
                    .outageTolerant(true)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new AuthException("The OIDC issuer's jwks_uri is not a URL: " + issuer.jwksUri(), e);
        }
        // RFC 9068 access tokens are typed at+jwt (or its media type); ID-token style access tokens (Keycloak,
        // Entra) are JWT or untyped
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new ClaimsCheck(audience, issuer.issuer()));
    }

    /** Whether the token has a JWT's shape (three dot-separated parts). */
    static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    Map<String, Object> claims(String token) throws AuthException {
        try {
            JWT jwt = JWTParser.parse(token);
            // the processor's own refusal names its class ("extend class to handle")
            if (jwt instanceof PlainJWT) {
                throw new InvalidTokenException("JWT rejected: an unsigned token (alg none) is never accepted");
            }
            return processor.process(jwt, null).toJSONObject();
        } catch (RateLimitReachedException e) {
            if (keySetUnreadable) {
                throw new AuthException("The OIDC issuer's key set could not be read, and is read again within "
                        + Math.ceilDiv(refetchMillis, 1000) + " s", e);
            }
            // the key set was fetched again for unknown kids twice within 30 s: the token's key is not the issuer's
            throw new InvalidTokenException("JWT rejected: no key of the issuer's key set matches the token's kid", e);
        } catch (KeySourceException e) {
            throw new AuthException("The OIDC issuer's key set could not be read: " + e.getMessage(), e);
        } catch (BadJOSEException e) {
            if (keySetUnreadable && String.valueOf(e.getMessage()).contains(NO_MATCHING_KEY)) {
                throw new AuthException("The OIDC issuer's key set could not be read again for the token's kid", e);
            }
            throw new InvalidTokenException("JWT rejected: " + e.getMessage(), e);
        } catch (ParseException | JOSEException e) {
            throw new InvalidTokenException("JWT rejected: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (keys instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                // nothing is held that could leak: the key set is only memory
            }
        }
    }
}
