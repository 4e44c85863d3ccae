package io.mxcp.core.internal.config;

import java.nio.file.Path;

/**
 * The active profile's {@code audit} block, completed (spec 01 §1.3–1.4).
 *
 * @param enabled     whether the server records its calls
 * @param path        the log path
 * @param maxFileSize the size in bytes at which the log starts a new file
 * @param mode        whether a call waits for its record to be written (ours, {@code audit.mode})
 * @param signingKey  the private key signing the log's checkpoints (ours, {@code audit.signing_key}; by default
 *                    {@code <log stem>.signing-key} beside the log)
 */
public record AuditSettings(boolean enabled, Path path, long maxFileSize, AuditMode mode, Path signingKey) {
}
