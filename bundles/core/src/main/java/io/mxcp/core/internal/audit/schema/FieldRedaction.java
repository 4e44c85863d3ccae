package io.mxcp.core.internal.audit.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.schema.StrictObject;

/**
 * One redaction a schema applies to its records (spec 03 §3.5): the value at a dot path inside {@code input_data},
 * and inside {@code output_data} when that is an object (or each object of an array, {@link AuditSchema}), replaced
 * as the strategy says. A path that is not there, or
 * that runs into something other than an object before its end, changes nothing.
 *
 * @param fieldPath the dot path ({@code customer.email})
 * @param options   the options as written; the strategy's defaults fill in the rest
 */
public record FieldRedaction(String fieldPath, RedactionStrategy strategy, Map<String, Object> options) {

    public FieldRedaction {
        // whole numbers as longs, however they were read, so that equal redactions compare equal
        Map<String, Object> normalized = new LinkedHashMap<>();
        options.forEach((name, value) -> normalized.put(name, value instanceof Integer i ? Long.valueOf(i) : value));
        options = Collections.unmodifiableMap(normalized);
    }

    /**
     * A copy of the value with the redaction applied, telling {@code context} the value it replaced, if any; the value
     * itself when it is not an object. A value already masked as sensitive is left as it is.
     */
    public Object applyTo(Object value, RedactionContext context) {
        if (!(value instanceof Map<?, ?> object)) {
            return value;
        }
        return replaced(object, fieldPath.split("\\.", -1), 0, context);
    }

    private Map<String, Object> replaced(Map<?, ?> object, String[] path, int depth, RedactionContext context) {
        String key = path[depth];
        if (!object.containsKey(key)) {
            return StrictObject.stringKeys(object);
        }
        Object current = object.get(key);
        Object replacement;
        if (depth == path.length - 1) {
            if (context.masked(current)) {
                return StrictObject.stringKeys(object);
            }
            replacement = strategy.redact(current, effectiveOptions());
            if (!Objects.equals(replacement, current)) {
                context.hidden(current);
            }
        } else if (current instanceof Map<?, ?> inner) {
            replacement = replaced(inner, path, depth + 1, context);
        } else {
            return StrictObject.stringKeys(object);
        }
        Map<String, Object> copy = new LinkedHashMap<>(StrictObject.stringKeys(object));
        copy.put(key, replacement);
        return copy;
    }

    private Map<String, Object> effectiveOptions() {
        Map<String, Object> effective = new LinkedHashMap<>(strategy.defaults());
        effective.putAll(options);
        return effective;
    }

    /** As the schema registry writes it. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field_path", fieldPath);
        json.put("strategy", strategy.key());
        json.put("options", new LinkedHashMap<>(options));
        return json;
    }

    /** As the site map shows it: as written, {@code options} only when there are some. */
    Map<String, Object> toConfigValue() {
        Map<String, Object> entry = toJson();
        if (options.isEmpty()) {
            entry.remove("options");
        }
        return entry;
    }

    /**
     * A redaction as a registry line holds it, read leniently as the original wrote them: an option of another type
     * than the strategy reads is left to its default, and a strategy this version does not know redacts the value
     * whole (so that a value a schema meant to hide never shows).
     */
    static FieldRedaction fromRegistry(Map<?, ?> json) {
        Object path = json.get("field_path");
        RedactionStrategy strategy = RedactionStrategy.named(String.valueOf(json.get("strategy")));
        if (strategy == null) {
            strategy = RedactionStrategy.FULL;
        }
        Map<String, Object> options = new LinkedHashMap<>();
        if (json.get("options") instanceof Map<?, ?> given) {
            for (String name : strategy.optionNames()) {
                Object value = given.get(name);
                if (value != null && fits(strategy, name, value)) {
                    options.put(name, value);
                }
            }
        }
        return new FieldRedaction(String.valueOf(path), strategy, options);
    }

    /**
     * A redaction as the site configuration's {@code audit.redactions} lists it (ours): {@code field_path},
     * {@code strategy} and the strategy's {@code options}, each checked.
     */
    public static FieldRedaction fromConfig(Object raw, String location) throws SchemaException {
        StrictObject entry = StrictObject.of(raw, location, "AuditRedactionConfigModel");
        String path = entry.requiredString("field_path");
        if (path.isEmpty() || List.of(path.split("\\.", -1)).contains("")) {
            throw SchemaException.valueError(entry.at("field_path"),
                    "'" + path + "' is not a dot path of field names (customer.email)");
        }
        String key = entry.literal("strategy", null, RedactionStrategy.keys().toArray(String[]::new));
        if (key == null) {
            throw new SchemaException(entry.at("strategy"), "Field required");
        }
        RedactionStrategy strategy = RedactionStrategy.named(key);
        Map<String, Object> given = entry.optionalMap("options");
        Map<String, Object> options = new LinkedHashMap<>();
        if (given != null) {
            String at = entry.at("options");
            for (Map.Entry<String, Object> option : given.entrySet()) {
                String optionAt = StrictObject.join(at, option.getKey());
                if (!strategy.optionNames().contains(option.getKey())) {
                    throw SchemaException.valueError(optionAt, "the strategy '" + key + "' has no option '"
                            + option.getKey() + "'" + (strategy.optionNames().isEmpty() ? ""
                                    : " (it reads " + String.join(", ", strategy.optionNames().stream().sorted()
                                            .toList()) + ")"));
                }
                if (!fits(strategy, option.getKey(), option.getValue())) {
                    throw SchemaException.valueError(optionAt, expected(strategy, option.getKey()));
                }
                options.put(option.getKey(), option.getValue());
            }
        }
        entry.close();
        return new FieldRedaction(path, strategy, options);
    }

    /**
     * Whether the value has the option's type, which its default shows (a count, a flag or a text; {@code hash}'s
     * {@code prefix}, the one option without a default, is a text).
     */
    private static boolean fits(RedactionStrategy strategy, String option, Object value) {
        Object example = strategy.defaults().getOrDefault(option, "");
        if (option.equals("algorithm")) {
            return value.equals("sha256") || value.equals("sha1");
        }
        if (example instanceof Long) {
            return (value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0;
        }
        return example.getClass().isInstance(value);
    }

    private static String expected(RedactionStrategy strategy, String option) {
        Object example = strategy.defaults().getOrDefault(option, "");
        if (option.equals("algorithm")) {
            return "the algorithm is sha256 or sha1";
        }
        return "expected " + (example instanceof Long ? "a whole number of characters (0 or more)"
                : example instanceof Boolean ? "true or false" : "a text");
    }
}
