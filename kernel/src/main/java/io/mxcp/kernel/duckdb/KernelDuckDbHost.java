package io.mxcp.kernel.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.duckdb.DuckDBColumnType;

import io.mxcp.kernel.api.ConnectionValues;
import io.mxcp.kernel.api.DuckDbDatabase;
import io.mxcp.kernel.api.DuckDbHost;
import io.mxcp.kernel.api.SqlFunctionRoute;

/** The kernel's {@link DuckDbHost}: one DuckDB instance per file, shared by every bundle in the process. */
public final class KernelDuckDbHost implements DuckDbHost {

    private static final System.Logger LOG = System.getLogger(KernelDuckDbHost.class.getName());

    private final Object lock = new Object();
    private final Map<Path, SharedDatabase> databases = new HashMap<>();
    private final Map<FunctionSignature, FunctionSlot> slots = new HashMap<>();
    private final ConnectionValueStore connectionValues = new ConnectionValueStore();
    private final BuiltInFunctions builtIns = new BuiltInFunctions();

    public KernelDuckDbHost() {
        try {
            // never closed: the kernel's own function, registered on every database like the plugins' routes
            openRoute(new FunctionSignature(ConnectionValueStore.FUNCTION, ConnectionValueStore.PARAMETERS,
                    DuckDBColumnType.VARCHAR), connectionValues::read);
        } catch (SQLException e) {
            throw new IllegalStateException("no database is open yet, so registering cannot fail", e);
        }
    }

    @Override
    public DuckDbDatabase open(Path file, boolean readOnly) throws SQLException {
        Path key = file.toAbsolutePath().normalize();
        synchronized (lock) {
            SharedDatabase database = databases.get(key);
            if (database == null) {
                database = SharedDatabase.open(key, readOnly);
                databases.put(key, database);
                for (FunctionSlot slot : slots.values()) {
                    database.ensureRegistered(slot);
                }
            } else if (database.readOnly() != readOnly) {
                throw new SQLException("Database " + key + " is already open "
                        + (database.readOnly() ? "read-only" : "read-write") + " in this process");
            }
            database.acquire();
            return new Handle(database);
        }
    }

    /**
     * @throws SQLException also when {@code name} is one of DuckDB's own functions, or the function has more
     *                      parameters than the kernel can route
     */
    @Override
    public SqlFunctionRoute route(String name, List<DuckDBColumnType> parameterTypes, DuckDBColumnType returnType,
            Function<Object[], Object> body) throws SQLException {
        if (builtIns.contains(name)) {
            throw new SQLException(name + " is a DuckDB built-in function, which a plugin cannot replace");
        }
        // refused now: a slot is registered on databases opened later too, and would fail each of them
        DispatchingFunctions.checkArity(name, parameterTypes);
        return openRoute(new FunctionSignature(name, parameterTypes, returnType), body);
    }

    private SqlFunctionRoute openRoute(FunctionSignature signature, Function<Object[], Object> body)
            throws SQLException {
        synchronized (lock) {
            FunctionSlot slot = slots.get(signature);
            if (slot == null) {
                slot = new FunctionSlot(signature);
                for (SharedDatabase database : databases.values()) {
                    database.ensureRegistered(slot);
                }
                slots.put(signature, slot);
            }
            return slot.open(body);
        }
    }

    /** Closes every database still open (framework shutdown). */
    public void closeAll() {
        synchronized (lock) {
            for (SharedDatabase database : databases.values()) {
                closeQuietly(database);
            }
            databases.clear();
        }
    }

    private void release(SharedDatabase database) {
        synchronized (lock) {
            if (database.release()) {
                databases.remove(database.file());
                closeQuietly(database);
            }
        }
    }

    private static void closeQuietly(SharedDatabase database) {
        try {
            database.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing DuckDB database " + database.file() + " failed", e);
        }
    }

    private final class Handle implements DuckDbDatabase {
        private final SharedDatabase database;
        private boolean closed;

        Handle(SharedDatabase database) {
            this.database = database;
        }

        @Override
        public Path file() {
            return database.file();
        }

        @Override
        public boolean readOnly() {
            return database.readOnly();
        }

        @Override
        public Connection connect() throws SQLException {
            synchronized (lock) {
                if (closed) {
                    throw new SQLException("Database handle for " + database.file() + " is closed");
                }
                return database.connect();
            }
        }

        @Override
        public ConnectionValues connectionValues() {
            return connectionValues.open();
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            release(database);
        }
    }
}
