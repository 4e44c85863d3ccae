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

    @Override
    void close();
}
