package io.mxcp.mcp.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mxcp.core.api.AuditTrail;
import io.mxcp.core.api.RefusedRequest;
import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * A project's audit trail as the MCP server uses it: it keeps the refusals handed to it, and refuses them itself
 * once {@link #closed} (a project a reload replaced). The server never reads the log.
 */
public final class RefusalLog implements AuditTrail {

    public final List<RefusedRequest> refusals = new CopyOnWriteArrayList<>();
    public volatile boolean closed;

    @Override
    public boolean recordRefusal(RefusedRequest refusal) {
        if (closed) {
            return false;
        }
        refusals.add(refusal);
        return true;
    }

    @Override
    public List<BackendState> backends() {
        return List.of();
    }

    @Override
    public AuditTrail readingFrom(String backend) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Path path() {
        throw unread();
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) {
        throw unread();
    }

    @Override
    public Map<String, Long> applyRetention(boolean dryRun) {
        throw unread();
    }

    @Override
    public ChainCheck verify() {
        throw unread();
    }

    @Override
    public ChainCheck verify(Path publicKey) {
        throw unread();
    }

    @Override
    public String hmacOf(String value) {
        throw unread();
    }

    private static AssertionError unread() {
        return new AssertionError("the MCP server writes audit records and never reads them");
    }
}
