package io.mxcp.executor.sql.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes a secret's parameter values out of a text about it before it is logged: DuckDB quotes the value it could not
 * use in its error ({@code Type VARCHAR with value '…' can't be cast}), and that value is the secret itself (spec 03:
 * secrets never appear in logs). Values shorter than four characters stay, as in the core's redaction of sensitive
 * values: replacing them would garble the message and hardly hides anything.
 */
final class SecretValueScrub {

    private static final String REDACTED = "[REDACTED]";
    private static final int SHORTEST = 4;

    private SecretValueScrub() {
    }

    /** The text with each value of the secret's {@code parameters} (nested ones too) replaced, case ignored. */
    static String scrub(String text, Map<String, Object> secret) {
        List<String> values = new ArrayList<>();
        collect(secret.get("parameters"), values);
        // the longer first, so a value that contains another is replaced whole
        values.sort(Comparator.comparingInt(String::length).reversed());
        String scrubbed = text;
        for (String value : values) {
            scrubbed = replaceIgnoringCase(scrubbed, value);
        }
        return scrubbed;
    }

    private static void collect(Object value, List<String> values) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(inner -> collect(inner, values));
        } else if (value instanceof Collection<?> list) {
            list.forEach(inner -> collect(inner, values));
        } else if (value != null && value.toString().length() >= SHORTEST) {
            values.add(value.toString());
        }
    }

    private static String replaceIgnoringCase(String text, String value) {
        String lowerText = text.toLowerCase(Locale.ROOT);
        String lowerValue = value.toLowerCase(Locale.ROOT);
        if (lowerText.length() != text.length() || lowerValue.length() != value.length()) {
            return text.replace(value, REDACTED); // a case mapping that changes lengths: exact matches only
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int at = lowerText.indexOf(lowerValue); at >= 0; at = lowerText.indexOf(lowerValue, from)) {
            out.append(text, from, at).append(REDACTED);
            from = at + value.length();
        }
        return out.append(text, from, text.length()).toString();
    }
}
