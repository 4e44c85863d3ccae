package io.mxcp.mcp.internal.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;
import io.mxcp.sdk.auth.TokenVerifier;
import io.mxcp.sdk.auth.TokenVerifierProvider;
import io.mxcp.sdk.auth.UserContext;

/**
 * A token verifier service for tests: {@code alice} (scope mcp.read, in group admins), {@code bob} (mcp.read),
 * {@code carol} (no scope) are valid tokens; {@code unreachable} fails as an issuer that is down; anything else is
 * invalid. Counts the verifiers it opened and closed.
 */
public final class ScriptedVerifiers implements TokenVerifierProvider {
    public static final String ISSUER = "https://issuer.example";

    public final AtomicInteger opened = new AtomicInteger();
    public final AtomicInteger closed = new AtomicInteger();
    /** The settings the last verifier was opened with. */
    public volatile Map<String, Object> lastSettings;
    /** When set, the issuer cannot be named, as when the provider's discovery document cannot be fetched. */
    public volatile boolean issuerDown;
    /** Tokens refused from now on, as a revoked or expired token is. */
    public final Set<String> revoked = ConcurrentHashMap.newKeySet();

    @Override
    public String providerName() {
        return "oidc";
    }

    @Override
    public TokenVerifier open(Map<String, Object> settings) throws AuthException {
        if (!settings.containsKey("config_url")) {
            throw new AuthException("auth.oidc.config_url is required in verifier mode");
        }
        lastSettings = settings;
        opened.incrementAndGet();
        return new TokenVerifier() {
            @Override
            public UserContext verify(String token) throws AuthException {
                if (revoked.contains(token)) {
                    throw new InvalidTokenException("token revoked");
                }
                return switch (token) {
                    case "alice" -> user("alice", List.of("openid", "mcp.read"), Map.of("groups", List.of("admins")));
                    case "bob" -> user("bob", List.of("mcp.read"), Map.of());
                    case "carol" -> user("carol", List.of(), Map.of());
                    case "unreachable" -> throw new AuthException("issuer down");
                    default -> throw new InvalidTokenException("unknown token");
                };
            }

            @Override
            public String issuer() throws AuthException {
                if (issuerDown) {
                    throw new AuthException("The identity provider could not be reached at " + ISSUER,
                            "temporarily_unavailable", 503);
                }
                return ISSUER;
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }

    private static UserContext user(String name, List<String> scopes, Map<String, Object> profile) {
        return new UserContext(name + "-id", name, name + "@example.com", null, null, "oidc", scopes, null, profile);
    }

    /** A resolved user config whose profile serves in verifier mode with this provider. */
    public static Map<String, Object> verifierConfig(String project, Map<String, Object> transport) {
        Map<String, Object> auth = Map.of("mode", "verifier", "provider", "oidc",
                "authorization", Map.of("required_scopes", List.of("mcp.read")),
                "oidc", Map.of("config_url", ISSUER + "/.well-known/openid-configuration", "client_id", "mxcp",
                        "claim_mappings", Map.of("groups", Map.of("admins", List.of("admin", "audit")))));
        return Map.of("transport", transport, "projects",
                Map.of(project, Map.of("profiles", Map.of("default", Map.of("auth", auth)))));
    }
}
