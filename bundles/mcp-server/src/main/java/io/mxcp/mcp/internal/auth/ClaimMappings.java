package io.mxcp.mcp.internal.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mxcp.mcp.api.ServerConfigException;
import io.mxcp.sdk.auth.UserContext;

/**
 * A provider block's {@code claim_mappings}: claim path → {claim value → [capabilities]} (spec 03 reference §1.11).
 * A path is a top-level claim name first (so URI-like names such as {@code https://corp.example/roles} work), else
 * dot-separated names into nested objects. A claim value counts as strings: each element of a list, each word of a
 * string with spaces, {@code true}/{@code false}, a number's text.
 */
public final class ClaimMappings {
    static final ClaimMappings NONE = new ClaimMappings(Map.of());

    private final Map<String, Map<String, List<String>>> mappings;

    private ClaimMappings(Map<String, Map<String, List<String>>> mappings) {
        this.mappings = mappings;
    }

    static ClaimMappings parse(Object raw, String location) throws ServerConfigException {
        if (raw == null) {
            return NONE;
        }
        if (!(raw instanceof Map<?, ?> byClaim)) {
            throw new ServerConfigException(location + " must be a mapping of claim → {value → [capabilities]}");
        }
        Map<String, Map<String, List<String>>> mappings = new LinkedHashMap<>();
        for (Map.Entry<?, ?> claim : byClaim.entrySet()) {
            String claimLocation = location + "." + claim.getKey();
            if (!(claim.getValue() instanceof Map<?, ?> byValue)) {
                throw new ServerConfigException(claimLocation + " must be a mapping of claim value → [capabilities]");
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (Map.Entry<?, ?> value : byValue.entrySet()) {
                if (!(value.getValue() instanceof List<?> capabilities)
                        || !capabilities.stream().allMatch(String.class::isInstance)) {
                    throw new ServerConfigException(claimLocation + "." + value.getKey()
                            + " must be a list of capability names");
                }
                values.put(String.valueOf(value.getKey()), capabilities.stream().map(String.class::cast).toList());
            }
            mappings.put(String.valueOf(claim.getKey()), values);
        }
        return new ClaimMappings(mappings);
    }

    /**
     * The user with the capabilities its provider gave (a third-party verifier may give some) and those its claims
     * grant here, each once: a mapping adds to what the provider decided, never takes it away.
     */
    UserContext grantTo(UserContext user) {
        List<String> mapped = capabilities(user.rawProfile());
        if (mapped.isEmpty()) {
            return user;
        }
        Set<String> all = new LinkedHashSet<>(user.capabilities());
        all.addAll(mapped);
        return user.withCapabilities(List.copyOf(all));
    }

    /** The capabilities the profile's claims grant, in mapping order, each once. */
    List<String> capabilities(Map<String, Object> profile) {
        if (mappings.isEmpty()) {
            return List.of();
        }
        Set<String> granted = new LinkedHashSet<>();
        mappings.forEach((path, byValue) -> {
            for (String value : claimValues(resolve(profile, path))) {
                granted.addAll(byValue.getOrDefault(value, List.of()));
            }
        });
        return List.copyOf(granted);
    }

    private static Object resolve(Map<String, Object> profile, String path) {
        if (profile.containsKey(path)) {
            return profile.get(path);
        }
        Object current = profile;
        for (String name : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(name);
        }
        return current;
    }

    private static List<String> claimValues(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(each -> values.add(String.valueOf(each)));
        } else if (claim instanceof String text) {
            for (String word : text.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    values.add(word);
                }
            }
        } else if (claim != null) {
            values.add(String.valueOf(claim));
        }
        return values;
    }
}
