package io.mxcp.auth.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.mxcp.auth.oauth2.atlassian.AtlassianProvider;
import io.mxcp.auth.oauth2.github.GitHubProvider;
import io.mxcp.auth.oauth2.salesforce.SalesforceProvider;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.AuthProvider;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;

/**
 * What every provider does alike: its block is checked when the server starts, naming the field in the refusal, and
 * a provider that cannot be reached makes every leg {@code temporarily_unavailable}.
 */
class ProvidersTest {
    private static final String BASE = "https://idp.example.com";
    private static final String CALLBACK_URL = "https://mcp.example.com/cb";

    /**
     * A provider.
     *
     * @param required the keys it cannot do without
     * @param urlKey   its own key, a URL: {@code <base>/api} in {@link #block}
     * @param userPath where it is then asked for the user
     * @param idField  the profile's field that holds the user's id
     */
    record Provider(AuthProvider provider, String displayName, List<String> required, String urlKey,
            String userPath, String idField) {
        /** A complete block for a provider at {@code base}. */
        Map<String, Object> block(String base) {
            return Map.of("client_id", "id", "client_secret", "secret", "scope", "read", "callback_path", "/cb",
                    "auth_url", base + "/authorize", "token_url", base + "/token", urlKey, base + "/api");
        }

        String path(String key) {
            return "auth." + provider.providerName() + "." + key;
        }

        String refusal(Object... changes) {
            return assertThrows(AuthException.class,
                    () -> provider.open(FakeUpstream.changed(block(BASE), changes), CALLBACK_URL))
                    .getMessage();
        }

        @Override
        public String toString() {
            return provider.providerName();
        }
    }

    private static final List<String> CLIENT = List.of("client_id", "client_secret", "callback_path", "auth_url",
            "token_url");

    static Stream<Provider> providers() {
        return Stream.of(
                new Provider(new GitHubProvider(), "GitHub", CLIENT, "api_url", "/api/user", "id"),
                new Provider(new AtlassianProvider(), "Atlassian",
                        Stream.concat(CLIENT.stream(), Stream.of("scope")).toList(), "api_url", "/api/me",
                        "account_id"),
                new Provider(new SalesforceProvider(), "Salesforce", CLIENT, "userinfo_url", "/api", "user_id"));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void usersSeeTheProviderAsTheyKnowIt(Provider p) {
        assertEquals(p.displayName(), p.provider().displayName(p.block(BASE)));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void theCompleteBlockOpens(Provider p) throws Exception {
        p.provider().open(p.block(BASE), CALLBACK_URL).close();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void aMissingOrBlankRequiredFieldIsNamed(Provider p) {
        for (String key : p.required()) {
            assertEquals(p.path(key) + " is required", p.refusal(key, null));
            assertEquals(p.path(key) + " is required", p.refusal(key, "  "));
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void unknownFieldsAreNamedWithWhatIsAllowed(Provider p) {
        String allowed = Stream.concat(Stream.of("auth_url", "callback_path", "claim_mappings", "client_id",
                "client_secret", "scope", "token_url"), Stream.of(p.urlKey())).sorted()
                .collect(Collectors.joining(", "));
        assertEquals("Unknown field " + p.path("realm") + " (allowed: " + allowed + ")", p.refusal("realm", "main"));
        assertEquals("Unknown fields " + p.path("clientId") + ", " + p.path("redirect_uri") + " (allowed: " + allowed
                + ")", p.refusal("redirect_uri", "x", "clientId", "y"));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void wrongTypesAndUrlsAreNamed(Provider p) {
        assertEquals(p.path("client_secret") + " must be a string", p.refusal("client_secret", 42));
        assertEquals(p.path("scope") + " must be a string", p.refusal("scope", List.of("a", "b")));
        assertEquals(p.path("token_url") + " is not an http(s) URL: it has no scheme (write https://…)",
                p.refusal("token_url", "idp.example.com/token"));
        assertEquals(p.path(p.urlKey()) + " is not an http(s) URL: its scheme is neither http nor https",
                p.refusal(p.urlKey(), "file:///etc/passwd"));
        assertEquals(p.path("claim_mappings") + " must be a map of claim to {value: [capabilities]}",
                p.refusal("claim_mappings", List.of("admin")));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void aMissingBlockOrCallbackUrlSaysSo(Provider p) {
        assertEquals(p.displayName() + " provider selected but no " + p.displayName() + " configuration found (auth."
                + p.provider().providerName() + ")",
                assertThrows(AuthException.class, () -> p.provider().open(null, CALLBACK_URL))
                        .getMessage());
        assertEquals("The " + p.displayName() + " login needs the server's callback URL (base URL and "
                + p.path("callback_path") + ")",
                assertThrows(AuthException.class, () -> p.provider().open(p.block(BASE), " ")).getMessage());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void anUnreachableProviderIsTemporarilyUnavailable(Provider p) throws Exception {
        FakeUpstream upstream = new FakeUpstream();
        try (UpstreamLogin login = p.provider().open(p.block(upstream.url()), CALLBACK_URL)) {
            LoginChecks.unreachable(upstream, login);
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void aProfileWithoutIdOrARefusedTokenIsInvalidToken(Provider p) throws Exception {
        TokenSet tokens = new TokenSet("access-live", null, null, List.of());
        FakeUpstream upstream = new FakeUpstream();
        try (upstream; UpstreamLogin login = p.provider().open(p.block(upstream.url()), CALLBACK_URL)) {
            upstream.reply(p.userPath(), 200, "{\"email\":\"mia@example.com\",\"" + p.idField() + "\":\"  \"}");
            assertEquals(p.displayName() + " profile missing " + p.idField(),
                    LoginChecks.refused("invalid_token", 401, () -> login.userInfo(tokens)).getMessage());

            upstream.reply(p.userPath(), 401, "{\"message\":\"Bad credentials\"}");
            LoginChecks.refused("invalid_token", 401, () -> login.userInfo(tokens), "Bad credentials", "access-live");

            upstream.reply(p.userPath(), 200, "[{\"" + p.idField() + "\":\"1\"}]");
            LoginChecks.refused("invalid_token", 401, () -> login.userInfo(tokens));
        }
    }
}
