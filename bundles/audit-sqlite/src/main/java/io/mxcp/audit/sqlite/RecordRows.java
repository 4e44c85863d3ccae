package io.mxcp.audit.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;

import io.mxcp.audit.json.AuditRecordCodec;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * The records of query results with the columns {@code seq} and {@code record}, read one row at a time. A row whose
 * record does not decode (changed by hand) is skipped with a warning naming the database and row, as the
 * {@code jsonl} backend skips a line that is not a record.
 */
final class RecordRows {

    private static final System.Logger LOG = System.getLogger(RecordRows.class.getName());

    private final AuditRecordCodec codec;
    private final Path file;

    RecordRows(AuditRecordCodec codec, Path file) {
        this.codec = codec;
        this.file = file;
    }

    /** Hands each row's record to the visitor in result order. */
    void forEach(ResultSet rows, Consumer<AuditRecord> visitor) throws SQLException {
        each(rows, false, visitor);
    }

    /**
     * Hands each row's record to the visitor in result order, with the values of the row's indexed columns in place
     * of its own ({@link IndexedColumns}): for the chain's verification.
     */
    void forEachWithColumns(ResultSet rows, Consumer<AuditRecord> visitor) throws SQLException {
        each(rows, true, visitor);
    }

    private void each(ResultSet rows, boolean withColumns, Consumer<AuditRecord> visitor) throws SQLException {
        while (rows.next()) {
            Optional<AuditRecord> record = decode(rows);
            if (record.isPresent()) {
                visitor.accept(withColumns ? IndexedColumns.over(record.get(), rows) : record.get());
            }
        }
    }

    /** The first row's record that decodes. */
    Optional<AuditRecord> first(ResultSet rows) throws SQLException {
        while (rows.next()) {
            Optional<AuditRecord> record = decode(rows);
            if (record.isPresent()) {
                return record;
            }
        }
        return Optional.empty();
    }

    private Optional<AuditRecord> decode(ResultSet row) throws SQLException {
        long seq = row.getLong("seq");
        try {
            return Optional.of(codec.decode(row.getString("record").getBytes(UTF_8)));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, () -> "Skipping row " + seq + " of the audit database " + file + ": "
                    + e.getMessage());
            return Optional.empty();
        }
    }
}
