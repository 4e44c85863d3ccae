package io.mxcp.auth.oidc;

import java.net.URI;
import java.util.function.LongSupplier;

import io.mxcp.sdk.auth.AuthException;

/**
 * The issuer's discovery document, fetched when the first token arrives (a server starts while its issuer is down)
 * and kept. A failed fetch is retried, but not more than once per {@link #RETRY_NANOS}: meanwhile requests fail at
 * once instead of each waiting for the issuer.
 */
final class IssuerDiscovery {
    static final long RETRY_NANOS = 5_000_000_000L;

    private final URI configUrl;
    private final IssuerHttp http;
    private final LongSupplier clock;
    private volatile IssuerMetadata metadata;
    private AuthException lastFailure;
    private long lastFailureAt;

    IssuerDiscovery(URI configUrl, IssuerHttp http, LongSupplier clock) {
        this.configUrl = configUrl;
        this.http = http;
        this.clock = clock;
    }

    IssuerMetadata metadata() throws AuthException {
        IssuerMetadata known = metadata;
        return known != null ? known : fetch();
    }

    private synchronized IssuerMetadata fetch() throws AuthException {
        if (metadata != null) {
            return metadata;
        }
        if (lastFailure != null && clock.getAsLong() - lastFailureAt < RETRY_NANOS) {
            throw lastFailure;
        }
        try {
            metadata = IssuerMetadata.fetch(http, configUrl).requireTokenChecks(configUrl);
            lastFailure = null;
            return metadata;
        } catch (AuthException e) {
            lastFailure = e;
            lastFailureAt = clock.getAsLong();
            throw e;
        }
    }
}
