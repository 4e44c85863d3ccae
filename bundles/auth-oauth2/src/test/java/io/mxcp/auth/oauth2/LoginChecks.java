package io.mxcp.auth.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.function.Executable;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;

/** Assertions every provider's login tests share. */
public final class LoginChecks {

    private LoginChecks() {
    }

    /** The call fails with this OAuth error and status, and its message repeats none of {@code secrets}. */
    public static AuthException refused(String error, int status, Executable call, String... secrets) {
        AuthException e = assertThrows(AuthException.class, call);
        assertEquals(error, e.error(), e.getMessage());
        assertEquals(status, e.status(), e.getMessage());
        for (String secret : secrets) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
        return e;
    }

    /**
     * A token request: a POST asking for JSON, with the client credentials in the body (never as HTTP Basic).
     *
     * @param sent   the request's fields as decoded ({@link FakeUpstream.Request#form()} or {@code json()})
     * @param fields the fields expected, in the order expected: key, value, key, value, ...
     */
    public static void assertTokenRequest(FakeUpstream.Request request, String contentType, Map<String, ?> sent,
            String... fields) {
        assertEquals("POST", request.method());
        assertEquals(contentType, request.header("Content-Type"));
        assertEquals("application/json", request.header("Accept"));
        assertNull(request.header("Authorization"), "client credentials go in the body, never as HTTP Basic");
        assertEquals(List.of(fields), sent.entrySet().stream()
                .flatMap(e -> Stream.of(e.getKey(), String.valueOf(e.getValue()))).toList());
    }

    /** Once the provider stops, every leg of the login is {@code temporarily_unavailable}, 503. */
    public static void unreachable(FakeUpstream provider, UpstreamLogin login) {
        provider.close();
        refused("temporarily_unavailable", 503, () -> login.exchangeCode("c0de", "v"), "c0de");
        refused("temporarily_unavailable", 503, () -> login.refresh("refresh-old", List.of()), "refresh-old");
        refused("temporarily_unavailable", 503,
                () -> login.userInfo(new TokenSet("access-live", null, null, List.of())), "access-live");
    }
}
