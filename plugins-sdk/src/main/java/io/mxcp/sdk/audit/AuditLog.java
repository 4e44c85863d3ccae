package io.mxcp.sdk.audit;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One opened audit log. {@link #write} is called from one thread at a time; queries may run beside it (and from
 * other processes, such as {@code mxcp log} next to a running server).
 */
@ConsumerType
public interface AuditLog extends Closeable {

    /** Appends the records in the order given; when this returns they survive a crash of the process. */
    void write(List<AuditRecord> records) throws IOException;

    /** The records matching the query, newest ({@link AuditRecord#timestamp()}) first. */
    List<AuditRecord> query(AuditQuery query) throws IOException;

    /** The record written last, or empty when the log has none (the tail of the hash chain). */
    Optional<AuditRecord> lastWritten() throws IOException;

    /** Hands every record to the visitor in the order the records were written (to check the hash chain). */
    void forEachWritten(Consumer<AuditRecord> visitor) throws IOException;

    /**
     * Removes records older than their schema's retention (spec 03 §3.6): {@code retentionDays} maps a schema version
     * ({@code <schema>:v<version>}) or a schema name to its days, a version's entry first (see {@link #retentionOf});
     * records of a schema it names neither way are kept.
     *
     * @param dryRun count what would be removed without removing anything
     * @return the records removed (or that would be), keyed {@code <schema>:v<version>}
     */
    Map<String, Long> applyRetention(Instant now, Map<String, Integer> retentionDays, boolean dryRun)
            throws IOException;

    /**
     * The days a record of that schema version is kept under an {@link #applyRetention} map: the version's own
     * entry when the map has one, else the schema name's; null (kept for good) when neither is there.
     *
     * @since 2.2
     */
    static Integer retentionOf(Map<String, Integer> retentionDays, String schema, int version) {
        Integer own = retentionDays.get(schema + ":v" + version);
        return own != null ? own : retentionDays.get(schema);
    }

    /** Releases files and handles; records written before stay. */
    @Override
    void close() throws IOException;
}
