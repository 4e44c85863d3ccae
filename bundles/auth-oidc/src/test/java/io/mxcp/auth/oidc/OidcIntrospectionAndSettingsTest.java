package io.mxcp.auth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;
import io.mxcp.sdk.auth.TokenVerifier;
import io.mxcp.sdk.auth.UserContext;

/** Opaque tokens checked by introspection at a live {@link TestIssuer}, and the settings {@code open} refuses. */
class OidcIntrospectionAndSettingsTest {
    private static final String CLIENT_ID = "mxcp-server";
    private static final String CLIENT_SECRET = "s3cret";

    private TestIssuer issuer;
    private TokenVerifier verifier;

    @BeforeEach
    void startIssuer() throws Exception {
        issuer = TestIssuer.start(CLIENT_ID, CLIENT_SECRET);
    }

    @AfterEach
    void stop() {
        if (verifier != null) {
            verifier.close();
        }
        issuer.close();
    }

    private Map<String, Object> settings(Object... extra) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("config_url", issuer.configUrl());
        settings.put("client_id", CLIENT_ID);
        for (int i = 0; i < extra.length; i += 2) {
            if (extra[i + 1] == null) {
                settings.remove((String) extra[i]);
            } else {
                settings.put((String) extra[i], extra[i + 1]);
            }
        }
        return settings;
    }

    private TokenVerifier open(Object... extra) throws AuthException {
        verifier = new OidcVerifierProvider().open(settings(extra));
        return verifier;
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static void assertMentions(Exception e, String... words) {
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), () -> "'" + e.getMessage() + "' should mention " + word);
        }
    }

    // 7. opaque tokens

    @Test
    void activeOpaqueTokenGivesTheIntrospectedUser() throws Exception {
        issuer.registerOpaque("opaque-ana", Map.of("sub", "user-7", "username", "ana", "email", "ana@example.org",
                "scope", "openid mcp:read", "aud", CLIENT_ID, "exp", now() + 300));

        UserContext user = open("client_secret", CLIENT_SECRET).verify("opaque-ana");

        assertEquals("user-7", user.userId());
        assertEquals("ana", user.username());
        assertEquals("ana@example.org", user.email());
        assertEquals("oidc", user.provider());
        assertEquals(List.of("openid", "mcp:read"), user.scopes());
        assertEquals(true, user.rawProfile().get("active"));
        assertNull(user.externalToken());
        assertEquals(1, issuer.requests(TestIssuer.INTROSPECT));
    }

    @Test
    void inactiveOpaqueTokenIsRefused() throws Exception {
        issuer.registerOpaque("opaque-ana", Map.of("sub", "user-7"));
        open("client_secret", CLIENT_SECRET);

        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verifier.verify("opaque-bob"));

        assertMentions(e, "inactive");
    }

    @Test
    void opaqueTokenForAnotherAudienceIsRefused() throws Exception {
        issuer.registerOpaque("opaque-list", Map.of("sub", "u", "aud", List.of("other-api", "https://api.example.org")));
        issuer.registerOpaque("opaque-other", Map.of("sub", "u", "aud", "other-api"));
        open("client_secret", CLIENT_SECRET, "audience", "https://api.example.org");

        assertEquals("u", verifier.verify("opaque-list").userId());
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verifier.verify("opaque-other"));
        assertMentions(e, "audience", "other-api");
    }

    @Test
    void expiredOpaqueTokenIsRefused() throws Exception {
        issuer.registerOpaque("opaque-old", Map.of("sub", "u", "exp", now() - 600));
        open("client_secret", CLIENT_SECRET);

        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verifier.verify("opaque-old"));

        assertMentions(e, "expired");
    }

    @Test
    void rejectedClientCredentialsAreNotAnInvalidToken() throws Exception {
        issuer.registerOpaque("opaque-ana", Map.of("sub", "u"));
        open("client_secret", "wrong-secret");

        AuthException e = assertThrows(AuthException.class, () -> verifier.verify("opaque-ana"));

        assertFalse(e instanceof InvalidTokenException, e::toString);
        assertMentions(e, "401", "client_secret");
    }

    @Test
    void opaqueTokenWithoutClientSecretIsRefusedWithoutIntrospection() throws Exception {
        issuer.registerOpaque("opaque-ana", Map.of("sub", "u"));

        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> open().verify("opaque-ana"));

        assertMentions(e, "client_secret");
        assertEquals(0, issuer.requests(TestIssuer.INTROSPECT));
    }

    // 8. settings

    private static AuthException refusedSettings(Map<String, Object> settings) {
        return assertThrows(AuthException.class, () -> new OidcVerifierProvider().open(settings));
    }

    @Test
    void noSettingsAtAll() {
        assertMentions(refusedSettings(null), "no OIDC configuration found");
    }

    @Test
    void requiredFieldsMissing() {
        assertMentions(refusedSettings(settings("config_url", null)), "config_url", "required");
        assertMentions(refusedSettings(settings("client_id", null)), "client_id", "required");
        assertMentions(refusedSettings(settings("client_id", " ")), "client_id", "required");
    }

    @Test
    void unknownFieldIsNamed() {
        assertMentions(refusedSettings(settings("callback_path", "/callback")), "callback_path", "unknown");
    }

    @Test
    void scopeMustIncludeOpenid() throws Exception {
        assertMentions(refusedSettings(settings("scope", "profile email")), "scope", "openid");
        open("scope", "profile openid email").close();
    }

    @Test
    void configUrlMustBeAnHttpUrlAndARefusedOneIsDescribedNotRepeated() {
        assertEquals("auth.oidc.config_url is not an http(s) URL: it is not a URL (illegal character in path at"
                + " character 4)", refusedSettings(settings("config_url", "not a url")).getMessage());
        assertEquals("auth.oidc.config_url is not an http(s) URL: its scheme is neither http nor https",
                refusedSettings(settings("config_url", "ftp://issuer.example.org/")).getMessage());
        // what a file:// reference to the wrong file resolves to
        assertEquals("auth.oidc.config_url is not an http(s) URL: it has 2 lines (does its reference point at the"
                + " right value?)", refusedSettings(settings("config_url", "root:x:0:0\nsecret-line\n")).getMessage());
    }

    @Test
    void fieldsMustBeStrings() {
        assertMentions(refusedSettings(settings("client_id", 42)), "client_id", "string");
    }

    @Test
    void openDoesNotContactTheIssuer() throws Exception {
        open("client_secret", CLIENT_SECRET, "audience", "api", "provider_name", "corp",
                "claim_mappings", Map.of("groups", "capabilities"));

        assertEquals(0, issuer.requests(TestIssuer.DISCOVERY));
    }
}
