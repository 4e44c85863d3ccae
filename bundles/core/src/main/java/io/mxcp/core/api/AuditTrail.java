package io.mxcp.core.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * A project's audit log as its readers see it ({@code mxcp log}, {@code mxcp log-cleanup}): the profile's
 * {@code audit} settings and the records the server wrote there, read through the installed audit backend.
 *
 * @since 1.5
 */
@ProviderType
public interface AuditTrail {

    /** Whether the active profile audits calls ({@code audit.enabled}, or {@code MXCP_AUDIT_ENABLED}). */
    boolean enabled();

    /** The profile's audit log path ({@code <root>/audit/logs-<profile>.jsonl} unless configured). */
    Path path();

    /**
     * The records matching the query, newest first.
     *
     * @throws ProjectException when no audit backend is installed or the log cannot be read (naming the path)
     */
    List<AuditRecord> query(AuditQuery query) throws ProjectException;

    /**
     * Removes the records older than their schema's retention ({@code mxcp.endpoints}: 90 days).
     *
     * @param dryRun count without removing
     * @return the records removed (or that would be), keyed {@code <schema>:v<version>}
     */
    Map<String, Long> applyRetention(boolean dryRun) throws ProjectException;

    /** Checks the hash chain over every record in the order they were written. */
    ChainCheck verify() throws ProjectException;

    /**
     * The outcome of a hash-chain check.
     *
     * @param valid          whether every record's hash matches its content and links to the one before
     * @param recordsChecked how many records were read
     * @param chainBreaks    the ids of records whose hash or link does not match, each with why
     */
    record ChainCheck(boolean valid, long recordsChecked, List<String> chainBreaks) {
        public ChainCheck {
            chainBreaks = List.copyOf(chainBreaks);
        }
    }
}
