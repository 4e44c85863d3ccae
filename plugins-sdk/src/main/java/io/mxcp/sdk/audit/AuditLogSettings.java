package io.mxcp.sdk.audit;

import java.nio.file.Path;

/**
 * Where a project's audit log lives (the profile's {@code audit} block, spec 01 §1.3).
 *
 * @param path        the configured log path ({@code <root>/audit/logs-<profile>.jsonl} by default); a backend may
 *                    keep several files beside it
 * @param maxFileSize the size in bytes at which a file-based backend starts a new file
 */
public record AuditLogSettings(Path path, long maxFileSize) {
}
