package io.mxcp.kernel.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * One open DuckDB database: a root connection that keeps the instance alive, the count of handles on it, and
 * which dispatching functions it has.
 */
final class SharedDatabase {

    private final Path file;
    private final boolean readOnly;
    private final DuckDBConnection root;
    private final ConnectionValueStore connectionValues;
    private final Set<FunctionSignature> registered = new HashSet<>();
    private int handles;

    private SharedDatabase(Path file, boolean readOnly, DuckDBConnection root, ConnectionValueStore connectionValues) {
        this.file = file;
        this.readOnly = readOnly;
        this.root = root;
        this.connectionValues = connectionValues;
    }

    static SharedDatabase open(Path file, boolean readOnly, ConnectionValueStore connectionValues)
            throws SQLException {
        Properties properties = new Properties();
        if (readOnly) {
            properties.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
        }
        DuckDBConnection connection = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + file, properties);
        try {
            connectionValues.register(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return new SharedDatabase(file, readOnly, connection, connectionValues);
    }

    Path file() {
        return file;
    }

    boolean readOnly() {
        return readOnly;
    }

    /** Registers a slot's dispatching function once. Guarded by the host's lock. */
    void ensureRegistered(FunctionSlot slot) throws SQLException {
        if (registered.add(slot.signature())) {
            try {
                DispatchingFunctions.register(root, slot, connectionValues);
            } catch (SQLException | RuntimeException e) {
                registered.remove(slot.signature());
                throw e;
            }
        }
    }

    Connection connect() throws SQLException {
        return root.duplicate();
    }

    void acquire() {
        handles++;
    }

    /** Returns true when this was the last handle. */
    boolean release() {
        return --handles == 0;
    }

    void close() throws SQLException {
        root.close();
    }
}
