package io.mxcp.auth.oidc.login;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.auth.oidc.IssuerHttp;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;

/**
 * Turns a token endpoint's answer into the tokens it granted, or into the {@link AuthException} the server answers
 * with: a refusal keeps the provider's OAuth error code ({@code invalid_grant} when it names none) and status; a 200
 * without usable tokens is {@code invalid_grant}. Messages carry the status and the error code, never the body.
 */
final class GrantReader {
    /** An OAuth error code as RFC 6749 §5.2 allows it (no spaces), of a sensible length. */
    private static final Pattern ERROR_CODE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}");

    private static final double MAX_EXPIRES_IN_SECONDS = 366.0 * 24 * 3600;

    private final Clock clock;

    GrantReader(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param endpoint             the token endpoint, for messages
     * @param leg                  what was asked ({@code code exchange}, {@code refresh}), for messages
     * @param requestedScopes      the scopes granted when the answer names none
     * @param previousRefreshToken the refresh token kept when the answer has none (null at code exchange)
     */
    TokenSet read(IssuerHttp.Answer answer, URI endpoint, String leg, List<String> requestedScopes,
            String previousRefreshToken) throws AuthException {
        JsonNode body = answer.body() != null && answer.body().isObject() ? answer.body() : null;
        String error = body == null ? null : errorCode(body.get("error"));
        if (answer.status() != 200) {
            int status = answer.status() >= 400 && answer.status() <= 599 ? answer.status() : 502;
            throw new AuthException("The token endpoint " + endpoint + " refused the " + leg + " (HTTP "
                    + answer.status() + (error != null ? ", " + error : "") + ")",
                    error != null ? error : "invalid_grant", status);
        }
        if (body == null) {
            throw new AuthException("The token endpoint " + endpoint + " answered the " + leg
                    + " without a JSON object", "invalid_grant", 400);
        }
        if (body.hasNonNull("error")) {
            String code = error != null ? error : "invalid_grant";
            throw new AuthException("The token endpoint " + endpoint + " refused the " + leg + " (HTTP 200, " + code
                    + ")", code, 400);
        }
        String accessToken = text(body, "access_token");
        if (accessToken == null) {
            throw new AuthException("No access_token in response", "invalid_grant", 400);
        }
        String refreshToken = text(body, "refresh_token");
        return new TokenSet(accessToken, refreshToken != null ? refreshToken : previousRefreshToken,
                expiresAt(body.get("expires_in")), scopes(text(body, "scope"), requestedScopes),
                text(body, "id_token"));
    }

    private Instant expiresAt(JsonNode expiresIn) {
        double seconds;
        if (expiresIn == null) {
            return null;
        } else if (expiresIn.isNumber()) {
            seconds = expiresIn.asDouble();
        } else if (expiresIn.isTextual()) {
            try {
                seconds = Double.parseDouble(expiresIn.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        // a negative lifetime is an expired token; one beyond a year is nonsense that must not overflow the clock
        return Double.isFinite(seconds)
                ? clock.instant().plusMillis(Math.round(Math.clamp(seconds, 0, MAX_EXPIRES_IN_SECONDS) * 1000)) : null;
    }

    private static List<String> scopes(String granted, List<String> requested) {
        if (granted == null || granted.isBlank()) {
            return requested;
        }
        return Arrays.stream(granted.strip().split("\\s+")).toList();
    }

    private static String errorCode(JsonNode error) {
        return error != null && error.isTextual() && ERROR_CODE.matcher(error.asText()).matches() ? error.asText()
                : null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
