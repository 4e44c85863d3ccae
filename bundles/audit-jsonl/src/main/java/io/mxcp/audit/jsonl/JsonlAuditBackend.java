package io.mxcp.audit.jsonl;

import java.io.IOException;
import java.time.Clock;

import org.osgi.service.component.annotations.Component;

import io.mxcp.sdk.audit.AuditBackend;
import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditLogSettings;

/**
 * The {@code jsonl} audit backend: records are kept as JSON Lines in segment files beside the configured path
 * ({@code audit/logs-default.jsonl} is stored as {@code audit/logs-default-<UTC time>.jsonl} files), each open log
 * writing its own segments; a file left at the configured path by an earlier version is still read.
 */
@Component(service = AuditBackend.class)
public final class JsonlAuditBackend implements AuditBackend {

    @Override
    public String backendName() {
        return "jsonl";
    }

    @Override
    public AuditLog open(AuditLogSettings settings) throws IOException {
        return new JsonlAuditLog(SegmentFiles.beside(settings.path()), settings.maxFileSize(), Clock.systemUTC());
    }
}
