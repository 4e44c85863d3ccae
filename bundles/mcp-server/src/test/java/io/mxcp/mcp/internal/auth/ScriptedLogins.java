package io.mxcp.mcp.internal.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.AuthProvider;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;
import io.mxcp.sdk.auth.UserContext;

/**
 * An upstream provider for tests, named {@code github}: the codes {@code alice-code} and {@code bob-code} sign in
 * alice (in group admins) and bob, once the PKCE verifier matches a challenge the server sent; anything else is
 * refused. Refresh rotates the upstream tokens.
 */
public final class ScriptedLogins implements AuthProvider {
    public static final String UPSTREAM = "https://upstream.example/authorize";

    public final AtomicInteger refreshes = new AtomicInteger();
    /** How often the server read a user. */
    public final AtomicInteger userInfos = new AtomicInteger();
    /** How long the upstream access tokens the provider issues live. */
    public volatile Duration upstreamLifetime = Duration.ofHours(1);
    /** How long the provider takes to refresh. */
    public volatile Duration refreshTime = Duration.ZERO;
    /** What the provider's refresh fails with, or null for success. */
    public volatile AuthException refreshFailure;
    /** How many more opens fail as a provider that cannot be reached does (503). */
    public final AtomicInteger unreachableOpens = new AtomicInteger();
    /** What the code exchange fails with, or null to check the code. */
    public volatile AuthException exchangeFailure;
    /** The callback URL the server opened the login with. */
    public volatile String callbackUrl;
    private final Set<String> challenges = ConcurrentHashMap.newKeySet();

    @Override
    public String providerName() {
        return "github";
    }

    @Override
    public String displayName(Map<String, Object> settings) {
        return "GitHub";
    }

    @Override
    public UpstreamLogin open(Map<String, Object> settings, String callback) throws AuthException {
        if (!settings.containsKey("client_id")) {
            throw new AuthException("auth.github.client_id is required");
        }
        if (unreachableOpens.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new AuthException("The identity provider could not be reached", "temporarily_unavailable", 503);
        }
        this.callbackUrl = callback;
        return new UpstreamLogin() {
            @Override
            public String authorizationUrl(String state, String codeChallenge) {
                challenges.add(codeChallenge);
                return UPSTREAM + "?state=" + state + "&redirect_uri=" + callback;
            }

            @Override
            public boolean usesPkce() {
                return true;
            }

            @Override
            public TokenSet exchangeCode(String code, String codeVerifier) throws AuthException {
                if (exchangeFailure != null) {
                    throw exchangeFailure;
                }
                if (!Set.of("alice-code", "bob-code").contains(code) || !challenges.contains(challenge(codeVerifier))) {
                    throw new AuthException("refused code", "invalid_grant", 400);
                }
                String who = code.substring(0, code.length() - "-code".length());
                return new TokenSet("upstream-" + who, "upstream-refresh-" + who, Instant.now().plus(upstreamLifetime),
                        List.of("read:user"));
            }

            @Override
            public TokenSet refresh(String refreshToken, List<String> scopes) throws AuthException {
                if (refreshFailure != null) {
                    throw refreshFailure;
                }
                try {
                    Thread.sleep(refreshTime);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AuthException("interrupted");
                }
                int round = refreshes.incrementAndGet();
                return new TokenSet(refreshToken.replace("refresh-", "") + "-" + round, refreshToken + "-" + round,
                        Instant.now().plusSeconds(3600), scopes);
            }

            @Override
            public UserContext userInfo(TokenSet tokens) {
                userInfos.incrementAndGet();
                String who = tokens.accessToken().substring("upstream-".length()).split("-")[0];
                return new UserContext(who + "-id", who, who + "@example.com", null, null, "github", List.of(),
                        tokens.accessToken(), who.equals("alice") ? Map.of("groups", List.of("admins")) : Map.of());
            }

            @Override
            public void close() {
            }
        };
    }

    private static String challenge(String verifier) {
        try {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A resolved user config serving in issuer mode with this provider and one pre-registered public client. */
    public static Map<String, Object> issuerConfig(String project, String storePath) {
        return issuerConfig(project, storePath, List.of("mcp.read"));
    }

    /** The same with other required scopes. */
    public static Map<String, Object> issuerConfig(String project, String storePath, List<String> requiredScopes) {
        Map<String, Object> auth = Map.of("provider", "github",
                "authorization", Map.of("required_scopes", requiredScopes),
                "github", Map.of("client_id", "gh", "client_secret", "gh-secret", "callback_path", "/github/callback",
                        "claim_mappings", Map.of("groups", Map.of("admins", List.of("admin")))),
                "clients", List.of(Map.of("client_id", "cli", "name", "CLI", "redirect_uris",
                        List.of("http://127.0.0.1:9999/cb"), "grant_types", List.of("authorization_code",
                                "refresh_token"))),
                "persistence", Map.of("path", storePath, "auth_encryption_key",
                        "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4="));
        return Map.of("projects", Map.of(project, Map.of("profiles", Map.of("default", Map.of("auth", auth)))));
    }
}
