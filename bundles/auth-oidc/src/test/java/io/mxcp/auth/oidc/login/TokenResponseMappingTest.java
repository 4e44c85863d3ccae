package io.mxcp.auth.oidc.login;

import static io.mxcp.auth.oidc.login.LoginTesting.CLOCK;
import static io.mxcp.auth.oidc.login.LoginTesting.assertMentions;
import static io.mxcp.auth.oidc.login.LoginTesting.assertNotMentioned;
import static io.mxcp.auth.oidc.login.LoginTesting.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.UpstreamLogin;

/** The spec's "Provider response handling" table, at a fake token endpoint (the same for every adapter). */
class TokenResponseMappingTest {
    private static final String TOKEN = "/realms/r/protocol/openid-connect/token";

    private FakeProvider provider;
    private UpstreamLogin login;

    @BeforeEach
    void start() throws Exception {
        provider = new FakeProvider();
        login = new KeycloakAuthProvider(CLOCK).open(Map.of("client_id", "mxcp", "client_secret", "secret",
                "realm", "r", "server_url", provider.url(), "callback_path", "/cb"), "http://localhost/cb");
    }

    @AfterEach
    void stop() {
        login.close();
        provider.close();
    }

    private AuthException exchangeRefused(String error, int status) {
        return refused(error, status, () -> login.exchangeCode("the-code", null));
    }

    @Test
    void refusalKeepsTheProvidersErrorAndStatusButNotItsBody() {
        provider.json(TOKEN, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Code not valid: s3cr3t\"}");
        AuthException e = exchangeRefused("invalid_grant", 400);
        assertMentions(e, "HTTP 400");
        assertNotMentioned(e, "s3cr3t", "the-code");

        provider.json(TOKEN, 401, "{\"error\":\"unauthorized_client\"}");
        exchangeRefused("unauthorized_client", 401);
    }

    @Test
    void refusalWithoutErrorCodeIsAnInvalidGrant() {
        provider.text(TOKEN, 500, "<html>Internal error, ref 42</html>");
        assertNotMentioned(exchangeRefused("invalid_grant", 500), "ref 42");

        provider.json(TOKEN, 400, "{\"error\":\"has spaces and goes on\"}");
        exchangeRefused("invalid_grant", 400);

        provider.json(TOKEN, 302, "{}");
        exchangeRefused("invalid_grant", 502);
    }

    @Test
    void successfulAnswerWithoutTokensIsAnInvalidGrant() {
        provider.text(TOKEN, 200, "access_token=abc&scope=x");
        assertNotMentioned(exchangeRefused("invalid_grant", 400), "abc");

        provider.json(TOKEN, 200, "[\"access_token\"]");
        exchangeRefused("invalid_grant", 400);

        provider.json(TOKEN, 200, "{\"error\":\"access_denied\",\"access_token\":\"abc\"}");
        exchangeRefused("access_denied", 400);

        provider.json(TOKEN, 200, "{\"token_type\":\"Bearer\",\"refresh_token\":\"rt\"}");
        assertEquals("No access_token in response", exchangeRefused("invalid_grant", 400).getMessage());

        provider.json(TOKEN, 200, "{\"access_token\":\"\"}");
        exchangeRefused("invalid_grant", 400);
    }

    @Test
    void refreshRefusalsAreMappedTheSameWay() {
        provider.json(TOKEN, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token is not active\"}");

        assertNotMentioned(refused("invalid_grant", 400, () -> login.refresh("rt-secret", List.of())), "rt-secret");
    }

    @Test
    void absurdLifetimesAreBoundedInsteadOfOverflowingTheClock() throws Exception {
        provider.json(TOKEN, 200, "{\"access_token\":\"at\",\"expires_in\":1e300}");
        assertEquals(CLOCK.instant().plus(Duration.ofDays(366)), login.exchangeCode("c", null).expiresAt());

        provider.json(TOKEN, 200, "{\"access_token\":\"at\",\"expires_in\":-30}");
        assertEquals(CLOCK.instant(), login.exchangeCode("c", null).expiresAt(), "a negative lifetime has expired");
    }

    @Test
    void unknownExpiryIsNull() throws Exception {
        provider.json(TOKEN, 200, "{\"access_token\":\"at\",\"expires_in\":\"soon\"}");

        assertNull(login.exchangeCode("c", null).expiresAt());
    }
}
