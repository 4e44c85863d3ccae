package io.mxcp.kernel.api;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** A handle on one open database; close it when done (the database closes with its last handle). */
public interface DuckDbDatabase extends AutoCloseable {

    Path file();

    boolean readOnly();

    /** A new connection to the database (DuckDB {@code duplicate()}: shares its catalog and functions). */
    Connection connect() throws SQLException;

    /** Values for the statements of one connection of this database, read when a statement runs. @since 1.2 */
    ConnectionValues connectionValues();

    @Override
    void close();
}
