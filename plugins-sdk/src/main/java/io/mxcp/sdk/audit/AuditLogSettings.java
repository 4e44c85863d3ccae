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

    /**
     * A file kept beside the log configured at {@code log}: in its folder, named after its file name without the
     * extension, then {@code suffix} ({@code audit/logs-default.jsonl}, {@code .sqlite} →
     * {@code audit/logs-default.sqlite}). The core names the files it keeps beside a log (checkpoints, keys, the
     * schema registry) this way, and so should a backend, so that two logs in one folder keep apart.
     *
     * @since 2.2
     */
    public static Path besideLog(Path log, String suffix) {
        String name = log.getFileName().toString();
        int extension = name.lastIndexOf('.');
        return log.resolveSibling((extension > 0 ? name.substring(0, extension) : name) + suffix);
    }
}
