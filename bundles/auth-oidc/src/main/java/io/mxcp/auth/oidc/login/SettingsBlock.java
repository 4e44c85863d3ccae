package io.mxcp.auth.oidc.login;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.config.HttpUrl;

/**
 * One provider block of the user config ({@code auth.google}, ...), read with the checks every block gets: no
 * unknown keys, required keys present and not blank, strings where strings are expected. Messages name the key;
 * they never repeat a value, which may be a secret.
 */
final class SettingsBlock {
    private final String path;
    private final Map<String, Object> settings;

    private SettingsBlock(String path, Map<String, Object> settings) {
        this.path = path;
        this.settings = settings;
    }

    /**
     * @param key         the block's key under {@code auth} ({@code oidc}, ...)
     * @param displayName the provider's name in messages ({@code OIDC}, ...)
     * @param fields      the keys the block may have
     */
    static SettingsBlock of(Map<String, Object> settings, String key, String displayName, Set<String> fields)
            throws AuthException {
        String path = "auth." + key;
        if (settings == null) {
            throw new AuthException(displayName + " provider selected but no " + displayName
                    + " configuration found (" + path + ")");
        }
        List<String> unknown = settings.keySet().stream().filter(k -> !fields.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new AuthException(path + ": unknown field" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (allowed: " + String.join(", ", fields.stream().sorted().toList())
                    + ")");
        }
        return new SettingsBlock(path, settings);
    }

    /** The path of a key, for messages: {@code auth.oidc.scope}. */
    String path(String key) {
        return path + "." + key;
    }

    String required(String key) throws AuthException {
        String value = optional(key);
        if (value == null || value.isBlank()) {
            throw new AuthException(path(key) + " is required");
        }
        return value;
    }

    String optional(String key) throws AuthException {
        Object value = settings.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new AuthException(path(key) + " must be a string, got " + typeName(value));
        }
        return text;
    }

    /** An http(s) URL with a host; {@code fallback} when the key is absent. */
    URI url(String key, String fallback) throws AuthException {
        String text = optional(key);
        if (text == null) {
            text = fallback;
        }
        if (text == null || text.isBlank()) {
            throw new AuthException(path(key) + " is required");
        }
        try {
            return HttpUrl.parse(text, path(key));
        } catch (IllegalArgumentException e) {
            throw new AuthException(e.getMessage());
        }
    }

    /** A map of strings to strings (empty when absent), in the order written. */
    Map<String, String> stringMap(String key) throws AuthException {
        Object value = settings.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new AuthException(path(key) + " must be a mapping of strings, got " + typeName(value));
        }
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String name) || !(entry.getValue() instanceof String text)) {
                throw new AuthException(path(key) + "." + entry.getKey() + " must be a string, got "
                        + typeName(entry.getValue()));
            }
            strings.put(name, text);
        }
        return strings;
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value instanceof Map ? "a mapping"
                : value instanceof List ? "a list" : "a " + value.getClass().getSimpleName().toLowerCase();
    }
}
