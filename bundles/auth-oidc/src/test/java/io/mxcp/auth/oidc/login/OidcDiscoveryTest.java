package io.mxcp.auth.oidc.login;

import static io.mxcp.auth.oidc.login.LoginTesting.CLOCK;
import static io.mxcp.auth.oidc.login.LoginTesting.assertMentions;
import static io.mxcp.auth.oidc.login.LoginTesting.json;
import static io.mxcp.auth.oidc.login.LoginTesting.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;

/** {@code provider: oidc}: what the discovery document must hold, PKCE from it, and the audience in token requests. */
class OidcDiscoveryTest {
    private static final String DISCOVERY = "/.well-known/openid-configuration";
    private static final String CALLBACK = "https://mcp.example.org/oidc/callback";

    private FakeProvider provider;
    private UpstreamLogin login;

    @BeforeEach
    void start() throws Exception {
        provider = new FakeProvider();
    }

    @AfterEach
    void stop() {
        if (login != null) {
            login.close();
        }
        provider.close();
    }

    private Map<String, Object> document(Object... pairs) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", provider.url());
        document.put("authorization_endpoint", provider.url() + "/authorize");
        document.put("token_endpoint", provider.url() + "/token");
        document.put("userinfo_endpoint", provider.url() + "/userinfo");
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                document.remove((String) pairs[i]);
            } else {
                document.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return document;
    }

    private UpstreamLogin open(Map<String, Object> document, Object... settings) throws Exception {
        provider.json(DISCOVERY, 200, json(document));
        Map<String, Object> base = new HashMap<>();
        base.put("config_url", provider.url() + DISCOVERY);
        base.put("client_id", "mxcp");
        base.put("client_secret", "the-secret");
        base.put("scope", "openid");
        base.put("callback_path", "/oidc/callback");
        login = new OidcAuthProvider(CLOCK).open(LoginTesting.settings(base, settings), CALLBACK);
        return login;
    }

    @Test
    void pkceWhenTheDocumentNamesNoMethods() throws Exception {
        assertTrue(open(document()).usesPkce());
        assertTrue(login.authorizationUrl("s", "c").endsWith("&state=s&code_challenge=c&code_challenge_method=S256"));
    }

    @Test
    void noPkceWhenTheProviderDoesNotTakeS256() throws Exception {
        open(document("code_challenge_methods_supported", List.of("plain")));

        assertFalse(login.usesPkce());
        assertEquals(provider.url() + "/authorize?client_id=mxcp&response_type=code"
                + "&redirect_uri=https%3A%2F%2Fmcp.example.org%2Foidc%2Fcallback&scope=openid&state=s",
                login.authorizationUrl("s", "ignored"));
    }

    @Test
    void documentWithoutUserInfoEndpointIsRefused() {
        AuthException e = refused("server_error", 500, () -> open(document("userinfo_endpoint", null)));

        assertMentions(e, "has no userinfo_endpoint");
    }

    @Test
    void documentWithoutSignInEndpointsIsRefused() {
        AuthException e = refused("server_error", 500,
                () -> open(document("authorization_endpoint", null, "token_endpoint", "")));

        assertMentions(e, "has no authorization_endpoint, token_endpoint");
    }

    @Test
    void documentWithoutIssuerIsRefused() {
        assertMentions(refused("server_error", 500, () -> open(document("issuer", null))), "has no issuer");
    }

    @Test
    void documentThatIsNotJsonIsRefused() {
        provider.text(DISCOVERY, 200, "<html>login</html>");
        Map<String, Object> settings = Map.of("config_url", provider.url() + DISCOVERY, "client_id", "mxcp",
                "client_secret", "s", "scope", "openid", "callback_path", "/cb");

        AuthException e = refused("server_error", 500, () -> new OidcAuthProvider(CLOCK).open(settings, CALLBACK));

        assertMentions(e, "not a JSON object");
    }

    @Test
    void audienceGoesToEveryTokenRequest() throws Exception {
        open(document(), "audience", "https://api.example.org");
        provider.json("/token", 200, "{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\"}");

        login.exchangeCode("the-code", "the-verifier");
        Map<String, String> exchange = provider.last("/token").form();
        TokenSet refreshed = login.refresh("rt-1", List.of());
        Map<String, String> refresh = provider.last("/token").form();

        assertEquals(Map.of("grant_type", "authorization_code", "code", "the-code", "client_id", "mxcp",
                "client_secret", "the-secret", "redirect_uri", CALLBACK, "code_verifier", "the-verifier",
                "audience", "https://api.example.org"), exchange);
        assertEquals(Map.of("grant_type", "refresh_token", "client_id", "mxcp", "client_secret", "the-secret",
                "refresh_token", "rt-1", "audience", "https://api.example.org"), refresh, "no scope: none before");
        assertEquals(List.of(), refreshed.scopes());
        assertNull(provider.last("/token").authorization(), "client credentials go in the body only");
    }
}
