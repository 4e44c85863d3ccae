package io.mxcp.auth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;
import io.mxcp.sdk.auth.TokenVerifier;
import io.mxcp.sdk.auth.UserContext;

/** Verifier mode against a live {@link TestIssuer}: JWT checks, key rotation, caching and issuer outages. */
class OidcJwtVerificationTest {
    private static final String CLIENT_ID = "mxcp-server";
    private static final String CLIENT_SECRET = "a-client-secret-of-at-least-32-bytes!";

    private static RSAKey key;
    private static RSAKey impostor;
    private static RSAKey rotated;
    private static ECKey ecKey;

    private TestIssuer issuer;
    private TokenVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        impostor = new RSAKeyGenerator(2048).keyID("k1").generate();
        rotated = new RSAKeyGenerator(2048).keyID("k2").generate();
        ecKey = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
    }

    @BeforeEach
    void startIssuer() throws Exception {
        issuer = TestIssuer.start(CLIENT_ID, CLIENT_SECRET);
        issuer.serveKeys(key, ecKey);
    }

    @AfterEach
    void stop() {
        if (verifier != null) {
            verifier.close();
        }
        issuer.close();
    }

    private Map<String, Object> settings(String... extra) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("config_url", issuer.configUrl());
        settings.put("client_id", CLIENT_ID);
        for (int i = 0; i < extra.length; i += 2) {
            settings.put(extra[i], extra[i + 1]);
        }
        return settings;
    }

    private TokenVerifier open(String... extra) throws AuthException {
        verifier = new OidcVerifierProvider().open(settings(extra));
        return verifier;
    }

    private InvalidTokenException refused(String token) throws AuthException {
        TokenVerifier v = verifier != null ? verifier : open();
        return assertThrows(InvalidTokenException.class, () -> v.verify(token));
    }

    private static void assertMentions(Exception e, String... words) {
        for (String word : words) {
            assertTrue(e.getMessage().toLowerCase().contains(word.toLowerCase()),
                    () -> "'" + e.getMessage() + "' should mention " + word);
        }
    }

    // 1. claims → user

    @Test
    void validTokenGivesTheUserOfItsClaims() throws Exception {
        JWTClaimsSet claims = issuer.claims("user-1", CLIENT_ID).claim("preferred_username", "ana")
                .claim("email", "ana.lopez@example.org").claim("name", "Ana López")
                .claim("picture", "https://img.example.org/ana.png").claim("scope", "openid  profile mcp:read")
                .claim("groups", List.of("admins", "ops")).build();

        UserContext user = open().verify(TestIssuer.sign(key, claims));

        assertEquals("user-1", user.userId());
        assertEquals("ana", user.username());
        assertEquals("ana.lopez@example.org", user.email());
        assertEquals("Ana López", user.name());
        assertEquals("https://img.example.org/ana.png", user.avatarUrl());
        assertEquals("oidc", user.provider());
        assertEquals(List.of("openid", "profile", "mcp:read"), user.scopes());
        assertNull(user.externalToken());
        assertEquals(claims.getClaims().keySet(), user.rawProfile().keySet());
        assertEquals(List.of("admins", "ops"), user.rawProfile().get("groups"));
        assertEquals(issuer.url(), user.rawProfile().get("iss"));
    }

    @Test
    void providerNameAndScpListClaim() throws Exception {
        String token = TestIssuer.sign(key, issuer.claims("user-2", CLIENT_ID)
                .claim("scp", List.of("files.read", "files.write")).build());

        UserContext user = open("provider_name", "corp-sso").verify(token);

        assertEquals("corp-sso", user.provider());
        assertEquals(List.of("files.read", "files.write"), user.scopes());
    }

    @Test
    void usernameFallsBackToUsernameClaimThenEmailThenSubject() throws Exception {
        open();
        UserContext byUsername = verifier.verify(TestIssuer.sign(key, issuer.claims("s-1", CLIENT_ID)
                .claim("username", "bob").claim("email", "robert@example.org").build()));
        UserContext byEmail = verifier.verify(TestIssuer.sign(key, issuer.claims("s-2", CLIENT_ID)
                .claim("email", "carol@example.org").build()));
        UserContext bySubject = verifier.verify(TestIssuer.sign(key, issuer.claims("s-3", CLIENT_ID).build()));

        assertEquals("bob", byUsername.username());
        assertEquals("carol", byEmail.username());
        assertEquals("s-3", bySubject.username());
        assertEquals(List.of(), bySubject.scopes());
    }

    @Test
    void es256TokenIsAccepted() throws Exception {
        UserContext user = open().verify(TestIssuer.sign(ecKey, issuer.claims("ec-user", CLIENT_ID).build()));

        assertEquals("ec-user", user.userId());
    }

    @Test
    void rfc9068AccessTokenTypeIsAccepted() throws Exception {
        assertEquals("typed", open().verify(typed("at+jwt", "typed")).userId());
        assertMentions(refused(typed("id+jwt", "typed")), "typ");
    }

    @Test
    void rfc9068AccessTokenMediaTypeIsAccepted() throws Exception {
        assertEquals("typed", open().verify(typed("application/at+jwt", "typed")).userId());
    }

    private String typed(String type, String subject) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType(type)).build(), issuer.claims(subject, CLIENT_ID).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    // 2. audience

    @Test
    void configuredAudienceReplacesTheClientId() throws Exception {
        open("audience", "https://api.example.org");

        InvalidTokenException e = refused(TestIssuer.sign(key, issuer.claims("u", CLIENT_ID).build()));
        assertMentions(e, "aud");

        JWTClaimsSet both = issuer.claims("u", CLIENT_ID).audience(List.of("other", "https://api.example.org"))
                .build();
        assertEquals("u", verifier.verify(TestIssuer.sign(key, both)).userId());
    }

    @Test
    void tokenForAnotherAudienceIsRefused() throws Exception {
        assertMentions(refused(TestIssuer.sign(key, issuer.claims("u", "another-client").build())), "aud");
    }

    // 3. refusals

    @Test
    void badSignatureIsRefused() throws Exception {
        assertMentions(refused(TestIssuer.sign(impostor, issuer.claims("u", CLIENT_ID).build())), "signature");
    }

    @Test
    void unknownIssuerIsRefused() throws Exception {
        JWTClaimsSet claims = issuer.claims("u", CLIENT_ID).issuer("https://evil.example.org").build();

        assertMentions(refused(TestIssuer.sign(key, claims)), "iss");
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        Date tenMinutesAgo = new Date(System.currentTimeMillis() - 600_000);
        JWTClaimsSet claims = issuer.claims("u", CLIENT_ID).expirationTime(tenMinutesAgo).build();

        assertMentions(refused(TestIssuer.sign(key, claims)), "expired");
    }

    @Test
    void tokenNotYetValidIsRefused() throws Exception {
        Date inTenMinutes = new Date(System.currentTimeMillis() + 600_000);
        JWTClaimsSet claims = issuer.claims("u", CLIENT_ID).notBeforeTime(inTenMinutes)
                .expirationTime(new Date(System.currentTimeMillis() + 1_200_000)).build();

        assertMentions(refused(TestIssuer.sign(key, claims)), "before");
    }

    @Test
    void tokenIssuedInTheFutureIsRefusedBeyondTheClockSkew() throws Exception {
        JWTClaimsSet tenHoursAhead = issuer.claims("u", CLIENT_ID)
                .issueTime(new Date(System.currentTimeMillis() + 36_000_000)).build();
        assertMentions(refused(TestIssuer.sign(key, tenHoursAhead)), "issued in the future");

        JWTClaimsSet skewed = issuer.claims("u", CLIENT_ID).issueTime(new Date(System.currentTimeMillis() + 30_000))
                .build();
        assertEquals("u", verifier.verify(TestIssuer.sign(key, skewed)).userId(), "within the 60 s skew");
    }

    @Test
    void tokenWithoutSubjectIsRefused() throws Exception {
        JWTClaimsSet claims = issuer.claims("u", CLIENT_ID).subject(null).build();

        assertMentions(refused(TestIssuer.sign(key, claims)), "sub");
    }

    @Test
    void anIdTokenIsNotAnAccessToken() throws Exception {
        assertMentions(refused(TestIssuer.sign(key, issuer.claims("u", CLIENT_ID).claim("typ", "ID").build())),
                "ID token");
        assertMentions(refused(TestIssuer.sign(key, issuer.claims("u", CLIENT_ID).claim("at_hash", "abc").build())),
                "ID token");
    }

    @Test
    void tokenWithoutExpiryIsRefused() throws Exception {
        JWTClaimsSet claims = issuer.claims("u", CLIENT_ID).expirationTime(null).build();

        assertMentions(refused(TestIssuer.sign(key, claims)), "exp");
    }

    @Test
    void unsignedTokenIsRefused() throws Exception {
        String token = new PlainJWT(issuer.claims("u", CLIENT_ID).build()).serialize();

        assertEquals("JWT rejected: an unsigned token (alg none) is never accepted", refused(token).getMessage());
    }

    @Test
    void tokenSignedWithTheClientSecretIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), issuer.claims("u", CLIENT_ID).build());
        jwt.sign(new MACSigner(CLIENT_SECRET));
        open("client_secret", CLIENT_SECRET);

        assertMentions(refused(jwt.serialize()), "algorithm");
    }

    @Test
    void garbageIsRefused() throws Exception {
        assertMentions(refused("abc"), "not a JWT");
        assertMentions(refused("a.b.c"), "JWT rejected");
    }

    // 4, 5. key set

    @Test
    void rotatedKeyIsFetchedOnItsUnknownKid() throws Exception {
        open();
        assertEquals("before", verifier.verify(TestIssuer.sign(key, issuer.claims("before", CLIENT_ID).build()))
                .userId());

        issuer.serveKeys(rotated);
        UserContext after = verifier.verify(TestIssuer.sign(rotated, issuer.claims("after", CLIENT_ID).build()));

        assertEquals("after", after.userId());
        assertEquals(2, issuer.requests(TestIssuer.JWKS));
    }

    @Test
    void keySetAndDiscoveryAreFetchedOnce() throws Exception {
        open();
        for (int i = 0; i < 5; i++) {
            String subject = "user-" + i;
            assertEquals(subject, verifier.verify(TestIssuer.sign(key, issuer.claims(subject, CLIENT_ID).build()))
                    .userId());
        }
        assertEquals(issuer.url(), verifier.issuer());

        assertEquals(1, issuer.requests(TestIssuer.JWKS));
        assertEquals(1, issuer.requests(TestIssuer.DISCOVERY));
    }

    @Test
    void tokensWithUnknownKidsStayInvalidOnceRefetchesAreRateLimited() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("unknown").generate();
        open().verify(TestIssuer.sign(key, issuer.claims("u", CLIENT_ID).build()));
        for (int i = 0; i < 3; i++) {
            refused(TestIssuer.sign(stranger, issuer.claims("u", CLIENT_ID).build()));
        }
        assertEquals(2, issuer.requests(TestIssuer.JWKS));
    }

    // 6, 9. discovery

    @Test
    void issuerComesFromTheDiscoveryDocument() throws Exception {
        assertEquals(issuer.url(), open().issuer());
        assertEquals(0, issuer.requests(TestIssuer.JWKS));
    }

    @Test
    void unreachableIssuerIsNotAnInvalidToken() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> settings = settings("config_url",
                "http://127.0.0.1:" + closedPort + TestIssuer.DISCOVERY);

        verifier = new OidcVerifierProvider().open(settings);
        String token = TestIssuer.sign(key, issuer.claims("u", CLIENT_ID).build());

        AuthException onVerify = assertThrows(AuthException.class, () -> verifier.verify(token));
        assertFalse(onVerify instanceof InvalidTokenException, onVerify::toString);
        assertMentions(onVerify, "could not be reached", String.valueOf(closedPort), ": connection refused");
        AuthException onIssuer = assertThrows(AuthException.class, () -> verifier.issuer());
        assertFalse(onIssuer instanceof InvalidTokenException, onIssuer::toString);
    }

    @Test
    void failedDiscoveryIsRetriedOnlyAfterTheRetryDelay() throws Exception {
        AtomicLong nanos = new AtomicLong(42);
        verifier = new OidcTokenVerifier(OidcVerifierSettings.parse(settings()), new IssuerHttp(), nanos::get);
        String token = TestIssuer.sign(key, issuer.claims("late", CLIENT_ID).build());
        issuer.failDiscovery(1);

        AuthException first = assertThrows(AuthException.class, () -> verifier.verify(token));
        assertFalse(first instanceof InvalidTokenException, first::toString);
        assertMentions(first, "HTTP 500");
        assertEquals(1, issuer.requests(TestIssuer.DISCOVERY));

        nanos.addAndGet(IssuerDiscovery.RETRY_NANOS - 1);
        AuthException meanwhile = assertThrows(AuthException.class, () -> verifier.verify(token));
        assertMentions(meanwhile, "HTTP 500");
        assertThrows(AuthException.class, () -> verifier.issuer());
        assertEquals(1, issuer.requests(TestIssuer.DISCOVERY));

        nanos.incrementAndGet();
        assertEquals("late", verifier.verify(token).userId());
        assertEquals(issuer.url(), verifier.issuer());
        assertEquals(2, issuer.requests(TestIssuer.DISCOVERY));
    }

    @Test
    void unreadableKeySetIsNotAnInvalidToken() throws Exception {
        issuer.failKeySet(true);
        open();
        String token = TestIssuer.sign(key, issuer.claims("u", CLIENT_ID).build());

        // the third and fourth tries are refused by the fetch rate limit, which says nothing of the token either
        for (int i = 0; i < 4; i++) {
            AuthException e = assertThrows(AuthException.class, () -> verifier.verify(token));
            assertFalse(e instanceof InvalidTokenException, e::toString);
            assertMentions(e, "key set");
        }
        assertEquals(2, issuer.requests(TestIssuer.JWKS));
    }

    @Test
    void keysReadBeforeAnOutageVerifyTokensWhileTheKeySetCannotBeRead() throws Exception {
        IssuerMetadata metadata = IssuerMetadata.fetch(new IssuerHttp(), java.net.URI.create(issuer.configUrl()));
        try (JwtCheck check = new JwtCheck(metadata, CLIENT_ID, 1_000)) {
            String token = TestIssuer.sign(key, issuer.claims("u", CLIENT_ID).build());
            assertEquals("u", check.claims(token).get("sub"));

            issuer.failKeySet(true);
            Thread.sleep(1_100);
            for (int i = 0; i < 3; i++) {
                assertEquals("u", check.claims(token).get("sub"), "the last key set read stays in use");
            }
            assertTrue(issuer.requests(TestIssuer.JWKS) >= 2, "the key set was read again once it expired");
            String ofARotatedKey = TestIssuer.sign(rotated, issuer.claims("r", CLIENT_ID).build());
            for (int i = 0; i < 3; i++) {
                AuthException unjudged = assertThrows(AuthException.class, () -> check.claims(ofARotatedKey));
                assertFalse(unjudged instanceof InvalidTokenException, "a kid the set may have gained meanwhile: "
                        + unjudged);
            }

            issuer.serveKeys(key, rotated);
            issuer.failKeySet(false);
            assertEquals("u", check.claims(token).get("sub"));
            Thread.sleep(250); // past the rate limit of key set reads (1/10 of its life)
            assertEquals("r", check.claims(ofARotatedKey).get("sub"));
        }
    }
}
