package io.mxcp.audit.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.mxcp.audit.json.AuditRecordCodec;
import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * An audit log kept in an SQLite database ({@link AuditDatabase}). Writes go through one connection the log holds
 * open; every read and retention sweep takes a connection of its own for its length, so that a read sees one
 * snapshot of the table while batches are written beside it, and reads go on after the log was closed.
 */
final class SqliteAuditLog implements AuditLog {

    private static final String INSERT = "INSERT INTO audit_records (record_id, timestamp_us, schema_name,"
            + " schema_version, operation_type, operation_name, operation_status, policy_decision, user_id,"
            + " session_id, trace_id, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AuditDatabase database;
    private final AuditRecordCodec codec = new AuditRecordCodec();
    private final RecordRows rows;

    /** The connection writes go through, null once closed; guarded by {@code this}. */
    private Connection writer;

    private SqliteAuditLog(AuditDatabase database, Connection writer) {
        this.database = database;
        this.writer = writer;
        this.rows = new RecordRows(codec, database.file());
    }

    /**
     * Opens the database, creating it with its layout when missing.
     *
     * @throws IOException naming the file when it cannot be opened, is not an SQLite database or holds a layout
     *                     this version does not know
     */
    static SqliteAuditLog open(AuditDatabase database) throws IOException {
        Connection writer = database.connect();
        try {
            AuditSchema.apply(writer, database.file());
        } catch (SQLException | IOException e) {
            IOException failure = e instanceof IOException io ? io : database.failure("open", (SQLException) e);
            try {
                writer.close();
            } catch (SQLException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
        return new SqliteAuditLog(database, writer);
    }

    @Override
    public synchronized void write(List<AuditRecord> records) throws IOException {
        if (writer == null) {
            throw new IllegalStateException("The audit log " + database.file() + " is closed");
        }
        if (records.isEmpty()) {
            return;
        }
        // every record is encoded before the first is stored: one JSON cannot hold fails the batch, not half of it
        List<String> lines = new ArrayList<>(records.size());
        for (AuditRecord record : records) {
            lines.add(new String(codec.encode(record), UTF_8));
        }
        try (PreparedStatement insert = writer.prepareStatement(INSERT)) {
            Transaction.run(writer, () -> {
                for (int i = 0; i < records.size(); i++) {
                    bind(insert, records.get(i), lines.get(i));
                    insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw database.failure("write to", e);
        }
    }

    private static void bind(PreparedStatement insert, AuditRecord record, String line) throws SQLException {
        insert.setString(1, record.recordId());
        insert.setLong(2, EpochMicros.floor(record.timestamp()));
        insert.setString(3, record.schemaName());
        insert.setInt(4, record.schemaVersion());
        insert.setString(5, record.operationType());
        insert.setString(6, record.operationName());
        insert.setString(7, record.operationStatus());
        insert.setString(8, record.policyDecision());
        insert.setString(9, record.userId());
        insert.setString(10, record.sessionId());
        insert.setString(11, record.traceId());
        insert.setString(12, line);
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) throws IOException {
        RecordFilter filter = RecordFilter.of(query);
        // of records with the same timestamp, the one written later counts as newer
        String sql = "SELECT seq, record FROM audit_records" + filter.where()
                + " ORDER BY timestamp_us DESC, seq DESC" + (query.limit() > 0 ? " LIMIT ?" : "");
        return withConnection("query", connection -> {
            List<AuditRecord> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int next = filter.bind(select);
                if (query.limit() > 0) {
                    select.setInt(next, query.limit());
                }
                try (ResultSet result = select.executeQuery()) {
                    rows.forEach(result, found::add);
                }
            }
            return found;
        });
    }

    @Override
    public Optional<AuditRecord> lastWritten() throws IOException {
        return withConnection("read", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT seq, record FROM audit_records ORDER BY seq DESC");
                    ResultSet result = select.executeQuery()) {
                return rows.first(result);
            }
        });
    }

    @Override
    public void forEachWritten(Consumer<AuditRecord> visitor) throws IOException {
        withConnection("read", connection -> {
            // the driver steps through the rows as they are asked for: the table is never held in memory
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT seq, record, " + IndexedColumns.SELECTED + " FROM audit_records ORDER BY seq");
                    ResultSet result = select.executeQuery()) {
                rows.forEachWithColumns(result, visitor);
            }
            return null;
        });
    }

    @Override
    public Map<String, Long> applyRetention(Instant now, Map<String, Integer> retentionDays, boolean dryRun)
            throws IOException {
        return withConnection("apply retention to", connection -> {
            ExpiredPrefix expired = ExpiredPrefix.find(connection, now, retentionDays);
            return dryRun || expired.isEmpty() ? expired.counts() : expired.delete(connection);
        });
    }

    @Override
    public synchronized void close() throws IOException {
        if (writer == null) {
            return;
        }
        Connection closing = writer;
        writer = null;
        try {
            closing.close();
        } catch (SQLException e) {
            throw database.failure("close", e);
        }
    }

    /** Work done with a connection of its own. */
    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(String doing, ConnectionWork<T> work) throws IOException {
        try (Connection connection = database.connect()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw database.failure(doing, e);
        }
    }
}
