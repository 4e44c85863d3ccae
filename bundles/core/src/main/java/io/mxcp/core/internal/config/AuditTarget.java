package io.mxcp.core.internal.config;

import java.nio.file.Path;

/**
 * A backend the active profile's audit records go to, and where: the log path it derives its files from (the
 * profile's {@code audit.path} unless the entry gives its own).
 */
public record AuditTarget(String backend, Path path) {
}
