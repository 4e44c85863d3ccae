package io.mxcp.executor.sql.runtime;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.mxcp.kernel.api.DuckDbDatabase;
import io.mxcp.kernel.api.DuckDbHost;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.ProjectRuntime;

/** The database of one project generation and its connection pool (spec 01 §4.4). */
public final class DuckDbRuntime implements AutoCloseable {

    /** How often calls compare the database file with the one opened: a stat of the file, not per call. */
    private static final Duration FILE_CHECK_INTERVAL = Duration.ofSeconds(2);

    private final DuckDbDatabase database;
    private final ConnectionPool pool;
    private final DatabaseFileWatch fileWatch;

    private DuckDbRuntime(DuckDbDatabase database, ConnectionPool pool, DatabaseFileWatch fileWatch) {
        this.database = database;
        this.pool = pool;
        this.fileWatch = fileWatch;
    }

    /**
     * Opens the project's database and initialises a first connection, so that a broken extension or an
     * unusable file is reported now rather than on the first call.
     */
    public static DuckDbRuntime open(DuckDbHost host, ProjectRuntime project) throws EndpointExecutionException {
        return open(host, project, ConnectionPool.defaultCapacity());
    }

    static DuckDbRuntime open(DuckDbHost host, ProjectRuntime project, int poolCapacity) throws EndpointExecutionException {
        DuckDbDatabase database = null;
        try {
            database = openDatabase(host, project.duckdbPath(), project.readOnly());
            ConnectionPool pool = new ConnectionPool(database, new ConnectionInitializer(project), poolCapacity);
            pool.release(pool.checkout());
            return new DuckDbRuntime(database, pool,
                    new DatabaseFileWatch(project.duckdbPath().toAbsolutePath(), FILE_CHECK_INTERVAL));
        } catch (SQLException | IOException | RuntimeException e) {
            if (database != null) {
                database.close();
            }
            String cause = DatabaseInUse.explain(e.getMessage(), project.duckdbPath(), project.readOnly())
                    .or(() -> DatabaseFileAccess.explain(e.getMessage(), project.duckdbPath(), project.readOnly()))
                    .orElse(e.getMessage());
            throw new EndpointExecutionException("Failed to create RuntimeEnvironment: " + cause, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            database.close();
            throw new EndpointExecutionException("Failed to create RuntimeEnvironment: interrupted", e);
        }
    }

    private static DuckDbDatabase openDatabase(DuckDbHost host, Path file, boolean readOnly) throws SQLException, IOException {
        if (file.getFileName() != null && file.getFileName().toString().equals(":memory:")) {
            throw new IllegalArgumentException(
                    "In-memory databases (:memory:) are not supported. Please use a file-based database.");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (FileAlreadyExistsException e) {
                // the JDK's message is the path alone
                throw new IOException("the database's folder " + e.getFile() + " cannot be made: a file has that name",
                        e);
            }
        }
        if (readOnly && !Files.exists(file)) {
            // DuckDB cannot open a missing file read-only: create it first
            host.open(file, false).close();
        }
        return host.open(file, readOnly);
    }

    public ConnectionPool pool() {
        return pool;
    }

    /** Says so in the log when the database file was deleted or replaced since it was opened (checked now and then). */
    public void checkDatabaseFile() {
        fileWatch.check();
    }

    /**
     * The memory DuckDB's buffer manager holds for this database (what its {@code memory_limit} bounds); 0 when it
     * cannot be asked. A connection of its own: the pool's may all be busy.
     */
    public long managedMemoryBytes() {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet total = statement.executeQuery(
                        "SELECT coalesce(sum(memory_usage_bytes), 0)::BIGINT FROM duckdb_memory()")) {
            return total.next() ? total.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    /** Closes the pool (waiting briefly for calls in flight), then the database handle. */
    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            database.close();
        }
    }
}
