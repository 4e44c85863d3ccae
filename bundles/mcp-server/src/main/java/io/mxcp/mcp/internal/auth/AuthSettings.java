package io.mxcp.mcp.internal.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.mxcp.core.api.Project;
import io.mxcp.mcp.api.ServerConfigException;

/**
 * The active profile's {@code auth} block (spec 03 §1.1), read once when the server starts.
 *
 * @param mode           {@code issuer} or {@code verifier}
 * @param provider       {@code none} (no authentication) or the provider's name
 * @param requiredScopes scopes every request's token must carry
 * @param providerBlock  the block named by {@code provider} (empty for {@code none})
 * @param claimMappings  the provider block's {@code claim_mappings}
 * @param block          the whole {@code auth} block, for issuer mode's clients and persistence
 */
public record AuthSettings(String mode, String provider, List<String> requiredScopes,
        Map<String, Object> providerBlock, ClaimMappings claimMappings, Map<?, ?> block) {

    public static final AuthSettings NONE = new AuthSettings("issuer", "none", List.of(), Map.of(),
            ClaimMappings.NONE, Map.of());

    private static final Map<String, String> DISPLAY_NAMES = Map.of("github", "GitHub", "atlassian", "Atlassian",
            "salesforce", "Salesforce", "keycloak", "Keycloak", "google", "Google", "oidc", "OIDC");

    private static final Set<String> PROVIDERS = Set.of("none", "github", "atlassian", "salesforce", "keycloak",
            "google", "oidc");
    private static final Set<String> AUTH_KEYS = Set.of("mode", "provider", "clients", "authorization",
            "persistence", "github", "atlassian", "salesforce", "keycloak", "google", "oidc");
    /** What a plugin's {@code providerName()} may be to be named here (it also names the plugin's block). */
    private static final Pattern PLUGIN_PROVIDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public boolean enabled() {
        return !"none".equals(provider);
    }

    /** MXCP is the authorization server (and signs users in upstream); else it only checks foreign tokens. */
    public boolean issuerMode() {
        return "issuer".equals(mode);
    }

    /** The settings of the project's active profile. */
    public static AuthSettings of(Project project) throws ServerConfigException {
        Object auth = walk(project.userConfig(), "projects", project.name(), "profiles", project.profile(), "auth");
        return auth instanceof Map<?, ?> block ? parse(block) : NONE;
    }

    /**
     * The settings of an {@code auth} block. A provider name that is not built in names an auth plugin (spec 03 §1.1
     * knows the built-in ones only): its block, {@code auth.<name>}, is optional and handed to the plugin as it is;
     * whether such a plugin is installed is known when the server opens it.
     */
    public static AuthSettings parse(Map<?, ?> auth) throws ServerConfigException {
        String mode = text(auth.get("mode"), "auth.mode", "issuer");
        String provider = text(auth.get("provider"), "auth.provider", "none");
        boolean builtIn = PROVIDERS.contains(provider);
        if (!builtIn && !PLUGIN_PROVIDER.matcher(provider).matches()) {
            throw new ServerConfigException("auth.provider must be one of " + PROVIDERS.stream().sorted().toList()
                    + " or the name of an installed auth plugin (letters, digits, '_', '-', '.'), got '" + provider
                    + "'");
        }
        refuseUnknownKeys(auth, "auth", builtIn ? AUTH_KEYS : withPluginBlock(provider));
        if (!mode.equals("issuer") && !mode.equals("verifier")) {
            throw new ServerConfigException("auth.mode must be issuer or verifier, got '" + mode + "'");
        }
        if (provider.equals("none")) {
            return NONE;
        }
        if (mode.equals("verifier") && builtIn && !provider.equals("oidc")) {
            throw new ServerConfigException("Verifier mode currently supports provider=oidc only");
        }
        Object block = auth.get(provider);
        if (block == null && !builtIn) {
            block = Map.of();
        }
        if (!(block instanceof Map<?, ?> providerBlock)) {
            throw new ServerConfigException(!builtIn ? "auth." + provider + " must be a mapping, got " + block
                    : mode.equals("verifier") ? "OIDC verifier selected but no OIDC configuration found (auth.oidc)"
                    : DISPLAY_NAMES.get(provider) + " provider selected but no " + DISPLAY_NAMES.get(provider)
                            + " configuration found (auth." + provider + ")");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) providerBlock;
        return new AuthSettings(mode, provider, requiredScopes(auth.get("authorization")),
                Collections.unmodifiableMap(new LinkedHashMap<>(typed)),
                ClaimMappings.parse(providerBlock.get("claim_mappings"), "auth." + provider + ".claim_mappings"),
                auth);
    }

    private static Set<String> withPluginBlock(String provider) {
        Set<String> keys = new HashSet<>(AUTH_KEYS);
        keys.add(provider);
        return keys;
    }

    private static List<String> requiredScopes(Object authorization) throws ServerConfigException {
        if (authorization == null) {
            return List.of();
        }
        if (!(authorization instanceof Map<?, ?> block)) {
            throw new ServerConfigException("auth.authorization must be a mapping, got " + authorization);
        }
        refuseUnknownKeys(block, "auth.authorization", Set.of("required_scopes"));
        Object scopes = block.get("required_scopes");
        if (scopes == null) {
            return List.of();
        }
        if (!(scopes instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new ServerConfigException("auth.authorization.required_scopes must be a list of scope names, got "
                    + scopes);
        }
        return List.copyOf(new ArrayList<>(list.stream().map(String.class::cast).toList()));
    }

    /** A misspelt key must not pass silently: {@code auth_encryption_kye} would leave tokens stored in clear. */
    public static void refuseUnknownKeys(Map<?, ?> block, String at, Set<String> known) throws ServerConfigException {
        for (Object key : block.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new ServerConfigException(at + "." + key + ": unknown field (allowed: "
                        + known.stream().sorted().toList() + ")");
            }
        }
    }

    private static String text(Object value, String key, String fallback) throws ServerConfigException {
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String text)) {
            throw new ServerConfigException(key + " must be a string, got " + value);
        }
        return text;
    }

    private static Object walk(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
