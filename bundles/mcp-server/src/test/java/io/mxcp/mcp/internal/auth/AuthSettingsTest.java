package io.mxcp.mcp.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mxcp.mcp.api.ServerConfigException;

class AuthSettingsTest {

    private static final Map<String, Object> OIDC = Map.of("config_url", "https://idp/.well-known/openid-configuration",
            "client_id", "mxcp");

    @Test
    void noProviderMeansNoAuthentication() throws Exception {
        assertFalse(AuthSettings.parse(Map.of()).enabled());
        assertFalse(AuthSettings.parse(Map.of("mode", "issuer", "provider", "none")).enabled());
    }

    @Test
    void issuerModeIsTheDefaultModeOfAProvider() throws Exception {
        AuthSettings settings = AuthSettings.parse(Map.of("provider", "github", "github", Map.of("client_id", "x")));
        assertTrue(settings.issuerMode());
        assertEquals(Map.of("client_id", "x"), settings.providerBlock());
    }

    @Test
    void verifierModeReadsTheOidcBlockAndTheRequiredScopes() throws Exception {
        AuthSettings settings = AuthSettings.parse(Map.of("mode", "verifier", "provider", "oidc", "oidc", OIDC,
                "authorization", Map.of("required_scopes", List.of("a", "b"))));
        assertTrue(settings.enabled());
        assertEquals(List.of("a", "b"), settings.requiredScopes());
        assertEquals(OIDC, settings.providerBlock());
    }

    @Test
    void aProviderNameThatIsNotBuiltInNamesAnAuthPluginWithAnOptionalBlockOfItsOwn() throws Exception {
        AuthSettings withBlock = AuthSettings.parse(Map.of("mode", "verifier", "provider", "fixed-token",
                "fixed-token", Map.of("token", "s3cret"), "authorization", Map.of("required_scopes", List.of("a"))));
        assertTrue(withBlock.enabled());
        assertEquals("fixed-token", withBlock.provider());
        assertEquals(Map.of("token", "s3cret"), withBlock.providerBlock());
        assertEquals(List.of("a"), withBlock.requiredScopes());

        AuthSettings issuer = AuthSettings.parse(Map.of("provider", "corp.sso"));
        assertTrue(issuer.issuerMode());
        assertEquals(Map.of(), issuer.providerBlock());
    }

    @Test
    void unusableBlocksAreRefusedNamingTheSetting() {
        assertRefused("auth.mode must be issuer or verifier, got 'proxy'", Map.of("mode", "proxy", "provider", "oidc"));
        assertRefused("auth.provider must be one of [atlassian, github, google, keycloak, none, oidc, salesforce] or "
                + "the name of an installed auth plugin (letters, digits, '_', '-', '.'), got 'ok ta\n'",
                Map.of("mode", "verifier", "provider", "ok ta\n"));
        assertRefused("auth.okta must be a mapping, got [x]", Map.of("mode", "verifier", "provider", "okta",
                "okta", List.of("x")));
        assertRefused("auth.otka: unknown field (allowed: [atlassian, authorization, clients, github, google, keycloak, "
                + "mode, oidc, okta, persistence, provider, salesforce])", Map.of("mode", "verifier", "provider",
                "okta", "otka", Map.of("token", "x")));
        assertRefused("Verifier mode currently supports provider=oidc only", Map.of("mode", "verifier",
                "provider", "github"));
        assertRefused("OIDC verifier selected but no OIDC configuration found (auth.oidc)", Map.of("mode", "verifier",
                "provider", "oidc"));
        assertRefused("auth.authorization.required_scopes must be a list of scope names, got read", Map.of(
                "mode", "verifier", "provider", "oidc", "oidc", OIDC, "authorization", Map.of("required_scopes", "read")));
        assertRefused("auth.oidc.claim_mappings.groups.admins must be a list of capability names", Map.of(
                "mode", "verifier", "provider", "oidc", "oidc", Map.of("config_url", "x", "client_id", "y",
                        "claim_mappings", Map.of("groups", Map.of("admins", "admin")))));
        assertRefused("GitHub provider selected but no GitHub configuration found (auth.github)",
                Map.of("provider", "github"));
    }

    private static void assertRefused(String message, Map<String, Object> auth) {
        assertEquals(message, assertThrows(ServerConfigException.class, () -> AuthSettings.parse(auth)).getMessage());
    }
}
