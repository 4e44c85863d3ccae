package io.mxcp.core.internal.audit.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.schema.StrictObject;

/**
 * The rules a profile sets for its audit records (ours, {@code audit.redactions} and {@code audit.retention_days}):
 * when they differ from the registered schema's, the writer registers a new version carrying them, so that each
 * record names the version — and so the rules — it was written under.
 *
 * @param redactions    the redactions of {@code mxcp.endpoints} records, or null when not configured
 * @param retentionDays days every record MXCP writes is kept, or null when not configured
 */
public record AuditSchemaOptions(List<FieldRedaction> redactions, Integer retentionDays) {

    public static final AuditSchemaOptions NONE = new AuditSchemaOptions(null, null);

    public AuditSchemaOptions {
        redactions = redactions == null ? null : List.copyOf(redactions);
    }

    /** The two keys of a profile's {@code audit} block; the block checks for keys no one read. */
    public static AuditSchemaOptions parse(StrictObject audit) throws SchemaException {
        List<Object> raw = audit.optionalList("redactions");
        List<FieldRedaction> redactions = null;
        if (raw != null) {
            redactions = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                redactions.add(FieldRedaction.fromConfig(raw.get(i), StrictObject.join(audit.at("redactions"), i)));
            }
        }
        return new AuditSchemaOptions(redactions, audit.optionalInteger("retention_days", 1));
    }

    /** Adds the keys written to the site map's {@code audit} block. */
    public void putInto(Map<String, Object> audit) {
        if (redactions != null) {
            audit.put("redactions", redactions.stream().map(FieldRedaction::toConfigValue).toList());
        }
        if (retentionDays != null) {
            audit.put("retention_days", retentionDays);
        }
    }
}
