package io.mxcp.core.internal.audit.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mxcp.core.internal.types.PythonText;

/**
 * What a field redaction turns a recorded value into (spec 03 §3.5). Texts are the value's Python {@code str()} form,
 * as the original computes them, so that a {@code hash} of the same value matches the original's.
 */
public enum RedactionStrategy {

    /** {@code [REDACTED]}. */
    FULL("full", Map.of()) {
        @Override
        Object redact(Object value, Map<String, Object> options) {
            return REDACTED;
        }
    },
    /** The first and last characters around {@code ***}; too short a value is redacted whole. */
    PARTIAL("partial", Map.of("show_first", 2L, "show_last", 2L, "min_length", 8L)) {
        @Override
        Object redact(Object value, Map<String, Object> options) {
            if (value == null) {
                return REDACTED;
            }
            String text = PythonText.str(value);
            int length = text.codePointCount(0, text.length());
            if (length < count(options, "min_length")) {
                return REDACTED;
            }
            int first = (int) Math.min(count(options, "show_first"), length);
            int last = (int) Math.min(count(options, "show_last"), length);
            return codePoints(text, 0, first) + "***" + codePoints(text, length - last, length);
        }
    },
    /** The prefix and the hex digest of the value's text. */
    HASH("hash", Map.of("algorithm", "sha256")) {
        @Override
        Object redact(Object value, Map<String, Object> options) {
            if (value == null) {
                return REDACTED;
            }
            String algorithm = "sha1".equals(options.get("algorithm")) ? "sha1" : "sha256";
            Object prefix = options.get("prefix");
            String javaName = algorithm.equals("sha1") ? "SHA-1" : "SHA-256";
            try {
                byte[] digest = MessageDigest.getInstance(javaName)
                        .digest(PythonText.str(value).getBytes(StandardCharsets.UTF_8));
                return (prefix == null ? algorithm + ":" : String.valueOf(prefix)) + HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every JVM has " + javaName, e);
            }
        }
    },
    /** The value's first characters and a suffix when it is longer; else the value as it is. */
    TRUNCATE("truncate", Map.of("length", 10L, "suffix", "...")) {
        @Override
        Object redact(Object value, Map<String, Object> options) {
            if (value == null) {
                return REDACTED;
            }
            String text = PythonText.str(value);
            int length = (int) Math.min(count(options, "length"), Integer.MAX_VALUE);
            if (text.codePointCount(0, text.length()) <= length) {
                return value;
            }
            return codePoints(text, 0, length) + options.get("suffix");
        }
    },
    /** An e-mail address with its local part hidden but its first character, the domain kept. */
    EMAIL("email", Map.of("preserve_domain", true)) {
        @Override
        Object redact(Object value, Map<String, Object> options) {
            String text = value == null ? "" : PythonText.str(value);
            int at = text.lastIndexOf('@');
            if (at < 0 || !Boolean.TRUE.equals(options.get("preserve_domain"))) {
                return REDACTED;
            }
            String local = text.substring(0, at);
            String domain = text.substring(at + 1);
            return local.codePointCount(0, local.length()) <= 2 ? "***@" + domain
                    : codePoints(local, 0, 1) + "***@" + domain;
        }
    },
    /** The empty value of the same JSON type; a text becomes {@code [REDACTED]}. */
    PRESERVE_TYPE("preserve_type", Map.of()) {
        @Override
        Object redact(Object value, Map<String, Object> options) {
            return switch (value) {
                case null -> null;
                case Boolean b -> false;
                case Integer i -> 0L;
                case Long l -> 0L;
                case Short s -> 0L;
                case BigInteger big -> 0L;
                case Double d -> 0.0;
                case Float f -> 0.0;
                case BigDecimal big -> 0.0;
                case List<?> list -> List.of();
                case Map<?, ?> map -> Map.of();
                default -> REDACTED;
            };
        }
    };

    public static final String REDACTED = "[REDACTED]";

    private final String key;
    private final Map<String, Object> defaults;

    RedactionStrategy(String key, Map<String, Object> defaults) {
        this.key = key;
        this.defaults = defaults;
    }

    /** The name the configuration and the schema registry use. */
    public String key() {
        return key;
    }

    /** The options this strategy reads, with their defaults ({@code hash}'s {@code prefix} follows its algorithm). */
    Set<String> optionNames() {
        return this == HASH ? Set.of("algorithm", "prefix") : defaults.keySet();
    }

    Map<String, Object> defaults() {
        return defaults;
    }

    /** @param options the strategy's options, every one present (defaults filled in) but {@code hash}'s prefix */
    abstract Object redact(Object value, Map<String, Object> options);

    /** The strategy of that name, or null. */
    public static RedactionStrategy named(String key) {
        for (RedactionStrategy strategy : values()) {
            if (strategy.key.equals(key)) {
                return strategy;
            }
        }
        return null;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(RedactionStrategy::key).toList();
    }

    private static long count(Map<String, Object> options, String name) {
        return Math.max(0, ((Number) options.get(name)).longValue());
    }

    /** The characters {@code [from, to)} of the text, counted in code points as Python counts a string's length. */
    private static String codePoints(String text, int from, int to) {
        if (from >= to) {
            return "";
        }
        int begin = text.offsetByCodePoints(0, from);
        return text.substring(begin, text.offsetByCodePoints(begin, to - from));
    }
}
