package io.mxcp.auth.oauth2;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;

/**
 * Reads an answer of a provider's token endpoint (spec 03 reference §1.3, "Provider response handling" and grant
 * normalisation). Some providers (GitHub) refuse a bad code or refresh token with HTTP 200 and an {@code error}
 * field, so an error is looked for in every answer, not only in failed ones.
 *
 * <p>The error code the server answers with is the provider's when it is one of RFC 6749's token errors, else
 * {@code invalid_grant}: a provider's own codes ({@code bad_verification_code}, {@code inactive_user}, ...) mean
 * nothing to an MCP client. Nothing else of the answer reaches the exception.
 *
 * @param upstream  the provider's name in messages
 * @param clock     the clock expiry times are computed on
 * @param scopeList how the provider lists granted scopes
 */
public record TokenAnswers(String upstream, Clock clock, ScopeList scopeList) {
    /** How a provider lists the granted scopes in the answer's {@code scope}. */
    public enum ScopeList {
        /** RFC 6749's form: {@code "read:me offline_access"}. */
        SPACE_SEPARATED("\\s+"),
        /** GitHub's form: {@code "repo,user"}. */
        COMMA_SEPARATED(",");

        private final String separator;

        ScopeList(String separator) {
            this.separator = separator;
        }

        List<String> split(String scopes) {
            return Arrays.stream(scopes.strip().split(separator)).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
        }
    }

    private static final long MAX_EXPIRES_IN_SECONDS = 366L * 24 * 3600;

    /** RFC 6749 §5.2. */
    private static final Set<String> OAUTH_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope");

    /**
     * The tokens of a successful answer.
     *
     * @param requestedScopes what was asked for: the granted scopes when the answer does not list them
     * @param refreshToken    the refresh token to keep when the answer brings none (null for a code exchange)
     */
    public TokenSet read(OAuthHttp.Answer answer, List<String> requestedScopes, String refreshToken)
            throws AuthException {
        JsonNode body = answer.body();
        if (answer.status() != 200) {
            throw new AuthException(upstream + "'s token endpoint answered HTTP " + answer.status(), oauthError(body),
                    answer.status());
        }
        if (body == null || !body.isObject()) {
            throw new AuthException(upstream + "'s token endpoint answered HTTP 200 without a JSON object",
                    "invalid_grant", 400);
        }
        if (body.hasNonNull("error")) {
            throw new AuthException(upstream + "'s token endpoint refused the request (HTTP 200 with an error)",
                    oauthError(body), 400);
        }
        String accessToken = text(body, "access_token");
        if (accessToken == null) {
            throw new AuthException("No access_token in response", "invalid_grant", 400);
        }
        String rotated = text(body, "refresh_token");
        String granted = text(body, "scope");
        return new TokenSet(accessToken, rotated != null ? rotated : refreshToken, expiresAt(body.path("expires_in")),
                granted == null || granted.isBlank() ? requestedScopes : scopeList.split(granted));
    }

    private static String oauthError(JsonNode body) {
        String error = body != null && body.isObject() ? text(body, "error") : null;
        return error != null && OAUTH_ERRORS.contains(error) ? error : "invalid_grant";
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
        // a negative lifetime is an expired token; one beyond a year is nonsense that must not overflow the clock
        return Instant.now(clock).plusSeconds(Math.clamp(seconds, 0, MAX_EXPIRES_IN_SECONDS));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
