package io.mxcp.audit.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.mxcp.sdk.audit.AuditLogSettings;

/**
 * Where a backend keeps the log configured at a path: files in that path's folder, named after its file name
 * without the extension ({@code audit/logs-default.jsonl} → folder {@code audit}, stem {@code logs-default}), as
 * {@link AuditLogSettings#besideLog} names the files kept beside a log.
 *
 * @param configured the configured path, absolute and normalized
 * @param stem       its file name without the extension
 */
public record LogLocation(Path configured, String stem) {

    /**
     * The location of the log configured at {@code path}, creating its folder when missing.
     *
     * @throws IOException naming the folder when it cannot be created
     */
    public static LogLocation of(Path path) throws IOException {
        Path configured = path.toAbsolutePath().normalize();
        Path folder = configured.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("Cannot create the audit log folder " + folder + ": " + e, e);
        }
        return new LogLocation(configured, AuditLogSettings.besideLog(configured, "").getFileName().toString());
    }

    /** A file of the log's own: the stem, then {@code suffix}, in the log's folder. */
    public Path file(String suffix) {
        return AuditLogSettings.besideLog(configured, suffix);
    }
}
