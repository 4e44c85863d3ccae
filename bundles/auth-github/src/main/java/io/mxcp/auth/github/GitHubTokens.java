package io.mxcp.auth.github;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;

/**
 * Reads an answer of GitHub's token endpoint. GitHub refuses a bad code or refresh token with HTTP 200 and an
 * {@code error} field, so an error is looked for in every answer, not only in failed ones.
 *
 * <p>The error code the server answers with is GitHub's when it is one of RFC 6749's token errors, else
 * {@code invalid_grant}: GitHub's own codes ({@code bad_verification_code}, {@code bad_refresh_token},
 * {@code incorrect_client_credentials}, ...) mean nothing to an MCP client. Nothing else of the answer reaches
 * the exception.
 */
final class GitHubTokens {
    /** RFC 6749 §5.2. */
    private static final Set<String> OAUTH_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope");

    private final Clock clock;

    GitHubTokens(Clock clock) {
        this.clock = clock;
    }

    /**
     * The tokens of a successful answer.
     *
     * @param requestedScopes what was asked for: the granted scopes when the answer does not list them
     * @param refreshToken    the refresh token to keep when the answer brings none (null for a code exchange)
     */
    TokenSet read(GitHubHttp.Answer answer, List<String> requestedScopes, String refreshToken)
            throws AuthException {
        JsonNode body = answer.body();
        if (answer.status() != 200) {
            throw new AuthException("GitHub's token endpoint answered HTTP " + answer.status(),
                    oauthError(body), answer.status());
        }
        if (body == null || !body.isObject()) {
            throw new AuthException("GitHub's token endpoint answered HTTP 200 without a JSON object",
                    "invalid_grant", 400);
        }
        if (body.hasNonNull("error")) {
            throw new AuthException("GitHub's token endpoint refused the request (HTTP 200 with an error)",
                    oauthError(body), 400);
        }
        String accessToken = text(body, "access_token");
        if (accessToken == null) {
            throw new AuthException("No access_token in response", "invalid_grant", 400);
        }
        String rotated = text(body, "refresh_token");
        return new TokenSet(accessToken, rotated != null ? rotated : refreshToken, expiresAt(body.path("expires_in")),
                scopes(text(body, "scope"), requestedScopes));
    }

    private static String oauthError(JsonNode body) {
        String error = body != null && body.isObject() ? text(body, "error") : null;
        return error != null && OAUTH_ERRORS.contains(error) ? error : "invalid_grant";
    }

    /** GitHub lists granted scopes comma-separated ({@code "repo,user"}), not space-separated as RFC 6749 says. */
    private static List<String> scopes(String granted, List<String> requested) {
        if (granted == null || granted.isBlank()) {
            return requested;
        }
        return Arrays.stream(granted.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private Instant expiresAt(JsonNode expiresIn) {
        long seconds;
        if (expiresIn.isIntegralNumber() || expiresIn.isFloatingPointNumber()) {
            seconds = expiresIn.asLong();
        } else if (expiresIn.isTextual() && expiresIn.asText().strip().matches("\\d{1,12}")) {
            seconds = Long.parseLong(expiresIn.asText().strip());
        } else {
            return null;
        }
        return Instant.now(clock).plusSeconds(seconds);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
