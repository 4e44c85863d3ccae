package io.mxcp.core.internal.audit.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One version of an audit record schema as the registry holds it (spec 03 §3.4): how long its records are kept, what
 * of a call goes into {@code business_context}, and the redactions applied before a record is written (ours: the
 * original declares them but never applies them). {@code evidence_level}, {@code require_signature}, {@code indexes}
 * and {@code fields} are kept as written and not acted on: every record is chained and its checkpoints signed anyway.
 *
 * @param retentionDays days a record is kept, or null to keep it
 * @param createdAt     when it was registered, as written
 * @param fields        the declared fields, as written
 */
public record AuditSchema(String name, int version, String description, Integer retentionDays, String evidenceLevel,
        List<String> extractFields, boolean requireSignature, String createdAt, String createdBy, boolean active,
        List<String> indexes, List<Map<String, Object>> fields, List<FieldRedaction> fieldRedactions) {

    public AuditSchema {
        extractFields = List.copyOf(extractFields);
        indexes = List.copyOf(indexes);
        fields = List.copyOf(fields);
        fieldRedactions = List.copyOf(fieldRedactions);
    }

    /** The registry's key of this version: {@code <name>:<version>}. */
    String key() {
        return name + ":" + version;
    }

    /**
     * The {@code business_context} of a record: each extracted dot path's value in the facts, nulls skipped, under
     * its last segment (the whole path with {@code _} for {@code .} when two paths end alike).
     */
    public Map<String, Object> businessContext(Map<String, Object> facts) {
        Map<String, Object> context = new LinkedHashMap<>();
        for (String path : extractFields) {
            Object value = valueAt(facts, path.split("\\.", -1));
            if (value == null) {
                continue;
            }
            String key = path.substring(path.lastIndexOf('.') + 1);
            context.put(context.containsKey(key) ? path.replace('.', '_') : key, value);
        }
        return context;
    }

    /** The call's arguments with every redaction of this schema applied, telling {@code context} what each hid. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> redactedArguments(Map<String, Object> arguments, RedactionContext context) {
        return (Map<String, Object>) redacted(arguments, context);
    }

    /**
     * The call's result with every redaction of this schema applied: an object, and (ours) each object of an array,
     * such as the rows of a SQL tool — the original redacts an object result only. Anything else is kept.
     */
    public Object redactedResult(Object result, RedactionContext context) {
        if (result instanceof List<?> items && !fieldRedactions.isEmpty()) {
            return items.stream().map(item -> redacted(item, context)).toList();
        }
        return redacted(result, context);
    }

    private Object redacted(Object value, RedactionContext context) {
        Object redacted = value;
        for (FieldRedaction redaction : fieldRedactions) {
            redacted = redaction.applyTo(redacted, context);
        }
        return redacted;
    }

    /** Whether records of the two are kept as long and redacted alike. */
    boolean sameRules(AuditSchema other) {
        return Objects.equals(retentionDays, other.retentionDays)
                && fieldRedactions.equals(other.fieldRedactions);
    }

    /** The next version of this schema with other rules, registered now by {@code createdBy}. */
    AuditSchema nextVersion(int newVersion, Integer newRetentionDays, List<FieldRedaction> redactions,
            String registeredAt, String registeredBy) {
        return new AuditSchema(name, newVersion, description, newRetentionDays, evidenceLevel, extractFields,
                requireSignature, registeredAt, registeredBy, true, indexes, fields, redactions);
    }

    /** As the registry writes it, in the original's key order. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema_name", name);
        json.put("version", version);
        json.put("description", description);
        json.put("retention_days", retentionDays);
        json.put("evidence_level", evidenceLevel);
        json.put("extract_fields", extractFields);
        json.put("require_signature", requireSignature);
        json.put("created_at", createdAt);
        json.put("created_by", createdBy);
        json.put("active", active);
        json.put("indexes", indexes);
        json.put("fields", fields);
        json.put("field_redactions", fieldRedactions.stream().map(FieldRedaction::toJson).toList());
        return json;
    }

    /**
     * A schema as a registry line holds it.
     *
     * @throws IllegalArgumentException when it has no name or no whole-number version
     */
    static AuditSchema fromJson(Map<?, ?> json) {
        if (!(json.get("schema_name") instanceof String name) || name.isEmpty()) {
            throw new IllegalArgumentException("no schema_name");
        }
        if (!(json.get("version") instanceof Integer version)) {
            throw new IllegalArgumentException("schema " + name + " has no whole-number version");
        }
        List<FieldRedaction> redactions = new ArrayList<>();
        for (Map<?, ?> redaction : maps(json.get("field_redactions"))) {
            redactions.add(FieldRedaction.fromRegistry(redaction));
        }
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Map<?, ?> field : maps(json.get("fields"))) {
            Map<String, Object> copy = new LinkedHashMap<>();
            field.forEach((key, value) -> copy.put(String.valueOf(key), value));
            fields.add(copy);
        }
        return new AuditSchema(name, version, text(json.get("description")),
                json.get("retention_days") instanceof Integer days ? days : null,
                text(json.get("evidence_level")), texts(json.get("extract_fields")),
                Boolean.TRUE.equals(json.get("require_signature")), text(json.get("created_at")),
                text(json.get("created_by")), !Boolean.FALSE.equals(json.get("active")),
                texts(json.get("indexes")), fields, redactions);
    }

    private static Object valueAt(Object value, String[] path) {
        Object current = value;
        for (String segment : path) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(segment);
        }
        return current;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> texts(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static List<Map<?, ?>> maps(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<Map<?, ?>> maps = new ArrayList<>();
        list.forEach(item -> {
            if (item instanceof Map<?, ?> map) {
                maps.add(map);
            }
        });
        return maps;
    }
}
