package io.mxcp.core.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.sdk.auth.UserContext;

/**
 * A caller described by a plain profile map, as {@code mxcp run --user-context} and a test's {@code user_context}
 * give one (spec 02 §run, spec 02b §1.1): {@code user_id} and {@code username} fall back to a default,
 * {@code email}, {@code name} and {@code avatar_url} are taken as given, a {@code capabilities} list becomes the
 * user's capabilities (since 1.18), and the whole map is the raw profile policies see.
 *
 * @since 1.4
 */
public final class ProfileUsers {

    private ProfileUsers() {
    }

    /**
     * @param profile       the map; keys are turned into text
     * @param provider      the user's provider ({@code cli}, {@code test})
     * @param defaultUserId the {@code user_id} and {@code username} when the map has none
     */
    public static UserContext of(Map<?, ?> profile, String provider, String defaultUserId) {
        Map<String, Object> raw = new LinkedHashMap<>();
        profile.forEach((key, value) -> raw.put(String.valueOf(key), value));
        return new UserContext(text(raw, "user_id", defaultUserId), text(raw, "username", defaultUserId),
                text(raw, "email", null), text(raw, "name", null), text(raw, "avatar_url", null), provider, List.of(),
                null, raw, capabilities(raw.get("capabilities")));
    }

    /**
     * A {@code capabilities} list stands for what a signed-in user's {@code claim_mappings} grant, so that policies
     * on {@code user.capabilities} can be tried with {@code mxcp run} and tested; a single name given as text is a
     * list of one ({@code "capabilities": "hr"}, where it would be easy to miss that a map or number grants none).
     */
    private static List<String> capabilities(Object listed) {
        return switch (listed) {
            case List<?> list -> list.stream().map(String::valueOf).toList();
            case String name when !name.isBlank() -> List.of(name.strip());
            case null, default -> List.of();
        };
    }

    private static String text(Map<String, Object> profile, String key, String fallback) {
        Object value = profile.get(key);
        return value == null ? fallback : String.valueOf(value);
    }
}
