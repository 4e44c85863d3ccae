package io.mxcp.audit.sqlite;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The layout of an audit database: one table of records in write order ({@code seq}), each held whole as the codec's
 * JSON line ({@code record}, what reads return) beside copies of the fields queries filter and sort on. Its number is
 * kept in {@code PRAGMA user_version}, so that a later layout can migrate an older file and a file of a layout this
 * version does not know is refused rather than misread.
 */
final class AuditSchema {

    static final int VERSION = 1;

    private static final List<String> CREATE = List.of("""
            CREATE TABLE audit_records (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                record_id TEXT NOT NULL,
                timestamp_us INTEGER NOT NULL,
                schema_name TEXT,
                schema_version INTEGER,
                operation_type TEXT,
                operation_name TEXT,
                operation_status TEXT,
                policy_decision TEXT,
                user_id TEXT,
                session_id TEXT,
                trace_id TEXT,
                record TEXT NOT NULL)""",
            // the filters mxcp log is mostly run with; the others are few-valued and scan as fast
            "CREATE INDEX audit_records_timestamp ON audit_records (timestamp_us)",
            "CREATE INDEX audit_records_operation_name ON audit_records (operation_name)",
            "CREATE INDEX audit_records_user_id ON audit_records (user_id)",
            "CREATE INDEX audit_records_trace_id ON audit_records (trace_id)",
            "PRAGMA user_version = " + VERSION);

    private AuditSchema() {
    }

    /**
     * Creates the layout in an empty database, or checks an existing database's. One transaction, so that two
     * processes opening a new file at once create the layout once.
     *
     * @throws IOException naming the file when it holds another layout or other tables
     */
    static void apply(Connection connection, Path file) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            Transaction.run(connection, () -> {
                int version = single(statement, "PRAGMA user_version");
                if (version == VERSION) {
                    return;
                }
                if (version == 0 && single(statement, "SELECT count(*) FROM sqlite_master") == 0) {
                    for (String sql : CREATE) {
                        statement.executeUpdate(sql);
                    }
                    return;
                }
                throw new IOException(version == 0
                        ? "The audit database " + file + " holds tables of something else: not an MXCP audit log"
                        : "The audit database " + file + " has layout version " + version
                                + ", which this version of MXCP cannot read (it reads version " + VERSION + ")");
            });
        }
    }

    private static int single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
