package io.mxcp.cli.fakes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.api.AuditTrail;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.api.RefusedRequest;
import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * An audit trail a test fills in: off unless {@link #enabled}; queries answer from {@link #records} as a backend
 * would (filtered, newest first, limited); retention and the chain check return what the test set. It records what
 * was asked.
 */
public final class FakeAuditTrail implements AuditTrail {

    public boolean enabled;
    public Path path;
    public final List<AuditRecord> records = new ArrayList<>();
    /** What {@link #applyRetention} returns, in this order. */
    public Map<String, Long> retention = new LinkedHashMap<>();
    public ChainCheck chainCheck = new ChainCheck(true, 0, List.of());
    /** Thrown by every read when set. */
    public ProjectException failure;

    public final List<AuditQuery> queries = new ArrayList<>();
    public Boolean retentionDryRun;
    /** The public key the last check was asked to trust (null: the one beside the signing key). */
    public Path verifiedWith;

    /** What {@link #backends} answers. */
    public List<BackendState> backendStates = List.of();
    public long recordsQueued;

    @Override
    public long recordsQueued() {
        return recordsQueued;
    }

    @Override
    public List<BackendState> backends() {
        return backendStates;
    }

    /** What {@link #readingFrom} answers, by backend name; any other name is refused. */
    public final Map<String, FakeAuditTrail> copies = new LinkedHashMap<>();

    public FakeAuditTrail(Path path) {
        this.path = path;
    }

    @Override
    public AuditTrail readingFrom(String backend) throws ProjectException {
        FakeAuditTrail copy = copies.get(backend);
        if (copy == null) {
            throw new ProjectException("The profile's audit.backends lists no backend '" + backend + "'");
        }
        return copy;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) throws ProjectException {
        queries.add(query);
        failIfAsked();
        return records.stream().filter(query::matches)
                .sorted(Comparator.comparing(AuditRecord::timestamp).reversed())
                .limit(query.limit() == 0 ? Long.MAX_VALUE : query.limit()).toList();
    }

    @Override
    public Map<String, Long> applyRetention(boolean dryRun) throws ProjectException {
        retentionDryRun = dryRun;
        failIfAsked();
        return retention;
    }

    @Override
    public ChainCheck verify() throws ProjectException {
        return verify(null);
    }

    @Override
    public ChainCheck verify(Path publicKey) throws ProjectException {
        verifiedWith = publicKey;
        failIfAsked();
        return chainCheck;
    }

    /** A stand-in for the keyed digest: {@code hmac-sha256:fake(<value>)}. */
    @Override
    public String hmacOf(String value) throws ProjectException {
        failIfAsked();
        return "hmac-sha256:fake(" + value + ")";
    }

    @Override
    public boolean recordRefusal(RefusedRequest refusal) {
        throw new AssertionError("the CLI reads the audit log; only the MCP server records refusals");
    }

    private void failIfAsked() throws ProjectException {
        if (failure != null) {
            throw failure;
        }
    }
}
