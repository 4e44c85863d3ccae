package io.mxcp.sdk.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Stores audit records. The server batches records and calls {@link #write} from one writer thread; a
 * backend must make a returned write durable (records are never lost on shutdown).
 */
@ConsumerType
public interface AuditBackend {

    /** The name used in configuration ({@code jsonl}, {@code duckdb}, ...). */
    String backendName();

    /** Appends records durably. */
    void write(List<AuditRecord> records) throws IOException;

    /** Records matching the query, newest first. */
    List<AuditRecord> query(AuditQuery query) throws IOException;

    /** Deletes records older than the cut-off; returns how many were deleted. */
    long cleanup(Instant olderThan) throws IOException;
}
