package io.mxcp.audit.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import io.mxcp.sdk.audit.AuditLog;

/**
 * The oldest records, in write order, that are all past their schema's retention. The records form a hash chain, so
 * only such a run can go: removing a record after one that stays would leave a gap a chain check reports as
 * tampering. The run ends at the first record that is kept, whether it is recent or of a schema without retention.
 * A record is expired when more whole days than its schema's retention have passed since its timestamp.
 */
final class ExpiredPrefix {

    private final Map<String, Long> counts = new TreeMap<>();
    private long lastSeq;

    private ExpiredPrefix() {
    }

    /**
     * Reads the run from the start of the table, stopping at its end.
     *
     * @param retentionDays days to keep records, by schema version or name ({@link AuditLog#retentionOf})
     */
    static ExpiredPrefix find(Connection connection, Instant now, Map<String, Integer> retentionDays)
            throws SQLException {
        ExpiredPrefix prefix = new ExpiredPrefix();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, schema_name, schema_version, timestamp_us FROM audit_records ORDER BY seq");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String schema = rows.getString("schema_name");
                int version = rows.getInt("schema_version");
                Integer days = schema == null ? null : AuditLog.retentionOf(retentionDays, schema, version);
                Instant timestamp = EpochMicros.instant(rows.getLong("timestamp_us"));
                if (days == null || ChronoUnit.DAYS.between(timestamp, now) <= days) {
                    break;
                }
                prefix.counts.merge(key(schema, version), 1L, Long::sum);
                prefix.lastSeq = rows.getLong("seq");
            }
        }
        return prefix;
    }

    /** The run's records, counted by {@code <schema>:v<version>}. */
    Map<String, Long> counts() {
        return counts;
    }

    /** Whether the run holds no record. */
    boolean isEmpty() {
        return counts.isEmpty();
    }

    /**
     * Deletes the run, or what of it another process has not deleted meanwhile.
     *
     * @return the records deleted, counted by {@code <schema>:v<version>}
     */
    Map<String, Long> delete(Connection connection) throws SQLException {
        Map<String, Long> deleted = new TreeMap<>();
        // the run was read without a lock, but records up to its last are only ever deleted, never added
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM audit_records WHERE seq <= ? RETURNING schema_name, schema_version")) {
            delete.setLong(1, lastSeq);
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    deleted.merge(key(rows.getString(1), rows.getInt(2)), 1L, Long::sum);
                }
            }
        }
        return deleted;
    }

    private static String key(String schema, int version) {
        return schema + ":v" + version;
    }
}
