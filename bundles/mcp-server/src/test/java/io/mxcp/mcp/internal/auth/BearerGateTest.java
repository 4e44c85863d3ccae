package io.mxcp.mcp.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.mxcp.mcp.internal.LogLines;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenVerifier;
import io.mxcp.sdk.auth.TokenVerifierProvider;
import io.mxcp.sdk.auth.UserContext;

/** What the gate makes of a verifier's answer, and writes to the logs about a refused token: why, never the token. */
class BearerGateTest {

    private static BearerGate gate(Map<String, Object> pluginBlock, Function<String, UserContext> verifier)
            throws Exception {
        AuthSettings settings = AuthSettings.parse(Map.of("mode", "verifier", "provider", "acme-keys", "acme-keys",
                pluginBlock));
        return new BearerGate(settings, new BearerAuthority() {
            @Override
            public UserContext verify(String token) {
                return verifier.apply(token);
            }

            @Override
            public String issuer() {
                return "https://issuer.example";
            }

            @Override
            public void close() {
            }
        });
    }

    private static UserContext alice(List<String> capabilities) {
        return new UserContext("alice", "alice", null, null, null, "acme-keys", List.of(),
                null, Map.of("team", "ops"), capabilities);
    }

    @Test
    void aVerifiersMessageLosesTheTokenAndEachOfItsParts() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
        assertEquals("JWT rejected: cannot parse [token] in [token]",
                BearerGate.withoutToken("JWT rejected: cannot parse eyJzdWIiOiJhbGljZSJ9 in " + token, token));
        assertEquals("The token expired", BearerGate.withoutToken("The token expired", token));
        assertEquals("no reason given", BearerGate.withoutToken(null, token));
    }

    @Test
    void aVerifierThatThrowsRefusesTheRequestAsUnavailableNamingTheProvider() throws Exception {
        BearerGate gate = gate(Map.of(), token -> {
            throw new IllegalStateException("no key for " + token);
        });
        Verdict verdict = gate.check("Bearer key-crash-1234567890");
        assertFalse(verdict.admitted());
        assertEquals(503, verdict.status());
        assertEquals("temporarily_unavailable", verdict.error());
        assertEquals("temporarily_unavailable: the auth provider acme-keys failed: java.lang.IllegalStateException: "
                + "no key for [token]",
                verdict.reason());

        Verdict noUser = gate(Map.of(), token -> null).check("Bearer key-1");
        assertEquals(503, noUser.status());
        assertEquals("temporarily_unavailable: the auth provider acme-keys answered no user", noUser.reason());
    }

    @Test
    void aProviderThatCannotBeReachedAtStartIsNamedInTheLogAndTheServerStarts() throws Exception {
        AuthException down = new AuthException("The identity provider could not be reached at "
                + "http://127.0.0.1:9/.well-known/openid-configuration: connection refused",
                "temporarily_unavailable", 503);
        TokenVerifiers verifiers = new TokenVerifiers();
        verifiers.add(new TokenVerifierProvider() {
            @Override
            public String providerName() {
                return "down-idp";
            }

            @Override
            public TokenVerifier open(Map<String, Object> settings) {
                return new TokenVerifier() {
                    @Override
                    public UserContext verify(String token) throws AuthException {
                        throw down;
                    }

                    @Override
                    public String issuer() throws AuthException {
                        throw down;
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        });
        AuthSettings settings = AuthSettings.parse(Map.of("mode", "verifier", "provider", "down-idp", "down-idp",
                Map.of()));
        try (LogLines log = LogLines.of(VerifierAuthority.class.getName())) {
            BearerGate gate = BearerGate.verifying(settings, verifiers);
            assertEquals(List.of("WARNING down-idp: " + down.getMessage() + "; trying again at each request (until "
                    + "then requests with a token and the protected resource metadata get 503)"), log.lines());
            assertEquals(503, gate.check("Bearer some-token").status());
        }
    }

    @Test
    void theVerifiersCapabilitiesStayAndClaimMappingsAddToThem() throws Exception {
        Verdict own = gate(Map.of(), token -> alice(List.of("admin"))).check("Bearer k");
        assertTrue(own.admitted());
        assertEquals(List.of("admin"), own.user().capabilities());

        Map<String, Object> mapped = Map.of("claim_mappings", Map.of("team", Map.of("ops", List.of("deploy", "admin"))));
        assertEquals(List.of("admin", "deploy"),
                gate(mapped, token -> alice(List.of("admin"))).check("Bearer k").user().capabilities());
        assertEquals(List.of("deploy", "admin"),
                gate(mapped, token -> alice(List.of())).check("Bearer k").user().capabilities());
    }
}
