package io.mxcp.core.internal.config;

import java.nio.file.Path;
import java.util.List;

import io.mxcp.core.internal.audit.schema.AuditSchemaOptions;
import io.mxcp.sdk.audit.AuditLogSettings;

/**
 * The active profile's {@code audit} block, completed (spec 01 §1.3–1.4).
 *
 * @param enabled     whether the server records its calls
 * @param path        the log path
 * @param maxFileSize the size in bytes at which the log starts a new file
 * @param mode        whether a call waits for its record to be written (ours, {@code audit.mode})
 * @param signingKey  the private key signing the log's checkpoints (ours, {@code audit.signing_key}; by default
 *                    {@code <log stem>.signing-key} beside the log)
 * @param backends    the backends every record is written to, in the order the log is read from them (ours,
 *                    {@code audit.backends}; {@code jsonl} at {@code path} by default)
 * @param schemaOptions the rules the profile sets for the records (ours, {@code audit.redactions},
 *                    {@code audit.retention_days})
 */
public record AuditSettings(boolean enabled, Path path, long maxFileSize, AuditMode mode, Path signingKey,
        List<AuditTarget> backends, AuditSchemaOptions schemaOptions) {

    public AuditSettings {
        backends = List.copyOf(backends);
    }

    /** The same settings writing to (and read from) those backends only. */
    public AuditSettings withBackends(List<AuditTarget> only) {
        return new AuditSettings(enabled, path, maxFileSize, mode, signingKey, only, schemaOptions);
    }

    /** The signed checkpoints of the log's hash chain, {@code <log stem>.checkpoints.jsonl} beside the log. */
    public Path checkpoints() {
        return AuditLogSettings.besideLog(path, ".checkpoints.jsonl");
    }

    /** The versions of the records' schemas, {@code <log stem>_schemas.jsonl} beside the log (spec 03 §3.4). */
    public Path schemaRegistry() {
        return AuditLogSettings.besideLog(path, "_schemas.jsonl");
    }

    /** The secret key of the HMACs sensitive values become, {@code <log stem>.hmac-key} beside the log. */
    public Path hmacKey() {
        return AuditLogSettings.besideLog(path, ".hmac-key");
    }
}
