package io.mxcp.core.internal.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.internal.audit.schema.AuditSchemaOptions;

/**
 * One entry of the site's {@code profiles} map (spec 01 §1.3); paths are null until derived. The audit keys of ours
 * ({@code mode}, {@code signing_key}, {@code backends}, {@code redactions}, {@code retention_days}) are null when not
 * written, so the site map shows them only
 * where written.
 */
public record SiteProfile(String duckdbPath, boolean duckdbReadonly, String driftPath, boolean auditEnabled,
        String auditPath, long auditMaxFileSize, String auditMode, String auditSigningKey,
        List<AuditBackendEntry> auditBackends, AuditSchemaOptions auditSchema) {

    static final SiteProfile DEFAULTS = new SiteProfile(null, false, null, false, null, 52428800L, null, null, null,
            AuditSchemaOptions.NONE);

    SiteProfile withDuckdbPath(String path) {
        return new SiteProfile(path, duckdbReadonly, driftPath, auditEnabled, auditPath, auditMaxFileSize, auditMode,
                auditSigningKey, auditBackends, auditSchema);
    }

    SiteProfile withDriftPath(String path) {
        return new SiteProfile(duckdbPath, duckdbReadonly, path, auditEnabled, auditPath, auditMaxFileSize, auditMode,
                auditSigningKey, auditBackends, auditSchema);
    }

    SiteProfile withAudit(boolean enabled, String path) {
        return new SiteProfile(duckdbPath, duckdbReadonly, driftPath, enabled, path, auditMaxFileSize, auditMode,
                auditSigningKey, auditBackends, auditSchema);
    }

    Map<String, Object> toMap() {
        Map<String, Object> duckdb = new LinkedHashMap<>();
        duckdb.put("path", duckdbPath);
        duckdb.put("readonly", duckdbReadonly);
        Map<String, Object> drift = new LinkedHashMap<>();
        drift.put("path", driftPath);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("enabled", auditEnabled);
        audit.put("path", auditPath);
        audit.put("max_file_size", auditMaxFileSize);
        if (auditMode != null) {
            audit.put("mode", auditMode);
        }
        if (auditSigningKey != null) {
            audit.put("signing_key", auditSigningKey);
        }
        if (auditBackends != null) {
            audit.put("backends", auditBackends.stream().map(AuditBackendEntry::toConfigValue).toList());
        }
        auditSchema.putInto(audit);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("duckdb", duckdb);
        map.put("drift", drift);
        map.put("audit", audit);
        return map;
    }
}
