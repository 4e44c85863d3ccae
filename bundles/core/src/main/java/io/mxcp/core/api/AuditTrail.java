package io.mxcp.core.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collector;

import org.osgi.annotation.versioning.ProviderType;

import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * A project's audit log as its readers see it ({@code mxcp log}, {@code mxcp log-cleanup}): the profile's
 * {@code audit} settings and the records the server wrote there, read through the installed audit backend. The
 * server also records here the requests it refuses before any endpoint runs ({@link #recordRefusal}).
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
     * Folds the records matching the query (its limit aside) into one result, in the order they were written,
     * without holding them: counts over a log of millions of records. By default over {@link #query}.
     *
     * @throws ProjectException as {@link #query}
     * @since 1.17
     */
    default <A, R> R collect(AuditQuery query, Collector<AuditRecord, A, R> collector) throws ProjectException {
        return query(query).reversed().stream().collect(collector);
    }

    /**
     * Removes the records older than their schema's retention ({@code mxcp.endpoints} and {@code mxcp.access}: 90
     * days).
     *
     * @param dryRun count without removing
     * @return the records removed (or that would be), keyed {@code <schema>:v<version>}
     */
    Map<String, Long> applyRetention(boolean dryRun) throws ProjectException;

    /**
     * Checks the hash chain over every record in the order they were written, and the chain's signed checkpoints
     * against the public key beside the signing key ({@link #verify(Path)}).
     */
    ChainCheck verify() throws ProjectException;

    /**
     * Checks the hash chain and its signed checkpoints, from the log's files alone: every checkpoint's signature,
     * that the records each one signed are still there, unchanged, and that none is missing at the end.
     *
     * @param publicKey the Ed25519 public key (PEM) to trust, e.g. one exported off the host; null for the one beside
     *                  the signing key
     * @throws ProjectException also when the given public key file does not exist
     * @since 1.7
     */
    ChainCheck verify(Path publicKey) throws ProjectException;

    /**
     * What a sensitive value is recorded as in this log ({@code hmac-sha256:<hex>}, keyed with the log's secret key),
     * so that an operator can find the records holding a value they know.
     *
     * @throws ProjectException when the log has no secret key (no sensitive value was recorded yet) or it is unreadable
     * @since 1.7
     */
    String hmacOf(String value) throws ProjectException;

    /**
     * Hands a refused request to the log's writer as an {@code mxcp.access} record, in the same hash chain as the
     * calls; never waits for the write (not even with {@code audit.mode: fail_closed}: a refusal is no call). Nothing
     * is recorded while the profile does not audit.
     *
     * @return false when the project is closed (a reload replaced it) and the record was not taken
     * @since 1.8
     */
    boolean recordRefusal(RefusedRequest refusal);

    /**
     * The log as one of the profile's backends keeps it (the first {@code audit.backends} entry of that name), to read
     * — query, verify, apply retention to — that copy rather than the first that answers. Records nothing.
     *
     * @throws ProjectException naming the backends the profile lists when it lists none of that name
     * @since 1.9
     */
    AuditTrail readingFrom(String backend) throws ProjectException;

    /**
     * How each of the profile's backends takes the server's records now, in the profile's order (all {@code idle}
     * before the first record, and for a trail that only reads).
     *
     * @since 1.9
     */
    List<BackendState> backends();

    /**
     * Records the server has taken for the log and no backend has written yet: what a crash now would lose (all of
     * them while every backend fails). 0 for a trail that only reads.
     *
     * @since 1.17
     */
    default long recordsQueued() {
        return 0;
    }

    /**
     * One backend as the server's writer sees it.
     *
     * @param backend       the backend's name
     * @param path          the log path it keeps its files beside
     * @param state         {@code ok} (it took the last records), {@code failing} (it keeps failing; the others take
     *                      the records), {@code idle} (nothing written yet) or, before the first record, {@code missing}
     *                      (no installed bundle provides it; its records will wait for one; since 1.10)
     * @param failingSince  when its failure began, or null
     * @param error         why it fails, or null
     * @param recordsBehind records the other backends took that it still lacks
     * @since 1.9
     */
    record BackendState(String backend, Path path, String state, Instant failingSince, String error,
            long recordsBehind) {
    }

    /**
     * The outcome of a hash-chain check.
     *
     * @param valid          whether every record's hash matches its content and links to the one before, and every
     *                       signed checkpoint holds
     * @param recordsChecked how many records were read
     * @param chainBreaks    the ids of records whose hash or link does not match, each with why, and the checkpoints
     *                       that do not hold (a bad signature, records missing at the end)
     * @param lastCheckpoint the newest checkpoint whose signature holds, or null when there is none
     */
    record ChainCheck(boolean valid, long recordsChecked, List<String> chainBreaks, SignedCheckpoint lastCheckpoint) {
        public ChainCheck {
            chainBreaks = List.copyOf(chainBreaks);
        }

        /** A check of a log without checkpoints. */
        public ChainCheck(boolean valid, long recordsChecked, List<String> chainBreaks) {
            this(valid, recordsChecked, chainBreaks, null);
        }
    }

    /**
     * A signed statement that the log held {@code records} records, the last hashing to {@code head}.
     *
     * @param recordsAfter how many records the log holds after it (not yet signed: removing them leaves no trace)
     * @since 1.7
     */
    record SignedCheckpoint(long records, String head, Instant at, long recordsAfter) {
    }
}
