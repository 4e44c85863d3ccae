package io.mxcp.mcp.internal.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mxcp.mcp.api.ServerConfigException;
import io.mxcp.mcp.internal.auth.AuthSettings;
import io.mxcp.mcp.internal.oauth.store.OAuthClient;

class IssuerSettingsTest {
    private static final Map<String, Object> GITHUB = Map.of("client_id", "gh", "callback_path", "github/callback");

    private static IssuerSettings parse(Map<String, Object> extra) throws Exception {
        Map<String, Object> auth = new HashMap<>(Map.of("provider", "github", "github", GITHUB));
        auth.putAll(extra);
        return IssuerSettings.parse(AuthSettings.parse(auth));
    }

    @Test
    void readsTheCallbackTheClientsAndTheStore() throws Exception {
        IssuerSettings settings = parse(Map.of("clients", List.of(Map.of("client_id", "cli", "name", "CLI",
                "redirect_uris", List.of("http://127.0.0.1:3000/callback"))),
                "persistence", Map.of("path", "/var/lib/mxcp/oauth.db")));
        assertEquals("/github/callback", settings.callbackPath());
        OAuthClient client = settings.clients().get(0);
        assertEquals(List.of("authorization_code"), client.grantTypes());
        assertEquals("none", client.authMethod(), "no secret: a public client");
        assertEquals(Path.of("/var/lib/mxcp/oauth.db"), settings.storePath());
        assertNull(settings.encryptionKey());
        assertEquals(Path.of(System.getenv().getOrDefault("HOME", System.getProperty("user.home")), ".mxcp/oauth.db"), parse(Map.of()).storePath());
    }

    @Test
    void aMisspeltKeyStopsTheStartInsteadOfBeingIgnored() {
        assertEquals("auth.persistence.auth_encryption_kye: unknown field (allowed: [auth_encryption_key, path, "
                + "type])", assertThrows(ServerConfigException.class, () -> parse(Map.of("persistence",
                        Map.of("auth_encryption_kye", "k")))).getMessage());
        assertEquals("auth.clients[0].redirect_uri: unknown field (allowed: [client_id, client_secret, grant_types, "
                + "name, redirect_uris, scopes])", assertThrows(ServerConfigException.class, () -> parse(Map.of(
                        "clients", List.of(Map.of("client_id", "c", "name", "C", "redirect_uri", "x"))))).getMessage());
        assertEquals("auth.client: unknown field (allowed: [atlassian, authorization, clients, github, google, "
                + "keycloak, mode, oidc, persistence, provider, salesforce])", assertThrows(ServerConfigException.class,
                        () -> parse(Map.of("client", List.of()))).getMessage());
        assertEquals("auth.clients[0].redirect_uris: 'http://evil.example/cb' must use https (http only for "
                + "localhost, 127.0.0.1 or [::1])", assertThrows(ServerConfigException.class, () -> parse(Map.of(
                        "clients", List.of(Map.of("client_id", "c", "name", "C", "redirect_uris",
                                List.of("http://evil.example/cb")))))).getMessage());
        assertEquals("auth.github.callback_path /token is a path the server uses", assertThrows(
                ServerConfigException.class, () -> IssuerSettings.parse(AuthSettings.parse(Map.of("provider", "github",
                        "github", Map.of("callback_path", "/token"))))).getMessage());
    }
}
