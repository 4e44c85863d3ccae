package io.mxcp.mcp.internal.oauth;

import io.mxcp.sdk.auth.AuthException;

/**
 * What a failed request to the upstream provider means for the client. A provider that is down, overloaded or
 * rate-limiting (no answer, 429, 5xx) is a passing condition: the client is told {@code temporarily_unavailable}
 * (503) and keeps its tokens; only a refusal (4xx) is passed on as the provider's error. Answering
 * {@code invalid_grant} to a provider outage would make every client drop its refresh token and sign in again.
 */
final class UpstreamFailure {

    private UpstreamFailure() {
    }

    static boolean isPassing(AuthException e) {
        return e.status() == 429 || e.status() >= 500;
    }

    static OAuthError unavailable(String provider) {
        return new OAuthError(503, "temporarily_unavailable",
                provider + " cannot be reached or is overloaded; try again later");
    }
}
