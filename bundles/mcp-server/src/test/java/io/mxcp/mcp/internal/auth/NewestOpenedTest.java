package io.mxcp.mcp.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.mxcp.sdk.auth.AuthException;

/** What opening an auth service at the server's start does when it fails: stop the start, or try again later. */
class NewestOpenedTest {

    private final NamedServices<String> services = new NamedServices<>(service -> "acme");
    private final AtomicReference<AuthException> failure = new AtomicReference<>();
    private final AutoCloseable opened = () -> { };

    private NewestOpened<String, AutoCloseable> open() throws AuthException {
        return new NewestOpened<>(services, "acme", service -> {
            AuthException now = failure.get();
            if (now != null) {
                throw now;
            }
            return opened;
        });
    }

    @Test
    void settingsAPluginRefusesStopTheStartWhateverStatusItGives() {
        services.add("v1");
        failure.set(new AuthException("acme: token is required"));
        assertEquals("acme: token is required", assertThrows(AuthException.class, this::open).getMessage(),
                "a plain AuthException (500) is a configuration no retry mends");
        failure.set(new AuthException("acme: bad client_id", "invalid_request", 400));
        assertThrows(AuthException.class, this::open);
    }

    @Test
    void aProviderThatCannotBeReachedIsOpenedAgainAtItsFirstUse() throws AuthException {
        services.add("v1");
        failure.set(new AuthException("issuer down", "temporarily_unavailable", 503));
        NewestOpened<String, AutoCloseable> verifier = open();
        assertEquals(503, assertThrows(AuthException.class, verifier::get).status());
        failure.set(null);
        assertSame(opened, verifier.get());
    }
}
