package io.mxcp.audit.sqlite;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;

import io.mxcp.sdk.audit.AuditBackend;
import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditLogSettings;

/**
 * The {@code sqlite} audit backend: records are kept in one SQLite database beside the configured path
 * ({@code audit/logs-default.jsonl} is stored as {@code audit/logs-default.sqlite}), which other processes such as
 * {@code mxcp log} can read while a server writes. The settings' {@code maxFileSize} does not apply: the database is
 * one file however many records it holds.
 */
@Component(service = AuditBackend.class)
public final class SqliteAuditBackend implements AuditBackend {

    @Override
    public String backendName() {
        return "sqlite";
    }

    @Override
    public AuditLog open(AuditLogSettings settings) throws IOException {
        return SqliteAuditLog.open(AuditDatabase.beside(settings.path()));
    }

    @Override
    public Path location(AuditLogSettings settings) {
        return AuditDatabase.fileBeside(settings.path());
    }
}
