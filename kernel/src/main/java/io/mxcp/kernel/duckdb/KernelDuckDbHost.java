package io.mxcp.kernel.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBColumnType;

import io.mxcp.kernel.api.ConnectionValues;
import io.mxcp.kernel.api.DuckDbDatabase;
import io.mxcp.kernel.api.DuckDbHost;
import io.mxcp.kernel.api.SqlFunctionBody;
import io.mxcp.kernel.api.SqlFunctionRoute;

/** The kernel's {@link DuckDbHost}: one DuckDB instance per file, shared by every bundle in the process. */
public final class KernelDuckDbHost implements DuckDbHost {

    private static final System.Logger LOG = System.getLogger(KernelDuckDbHost.class.getName());

    private final Object lock = new Object();
    private final Map<Path, SharedDatabase> databases = new HashMap<>();
    private final Map<FunctionSignature, FunctionSlot> slots = new HashMap<>();
    /** Written under the lock; read by connections binding their macros. */
    private volatile RoutedNames routedNames = RoutedNames.NONE;
    private final ConnectionValueStore connectionValues = new ConnectionValueStore(() -> routedNames);
    private final BuiltInFunctions builtIns = new BuiltInFunctions();

    @Override
    public DuckDbDatabase open(Path file, boolean readOnly) throws SQLException {
        Path key = file.toAbsolutePath().normalize();
        synchronized (lock) {
            SharedDatabase database = databases.get(key);
            if (database == null) {
                database = SharedDatabase.open(key, readOnly, connectionValues);
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
     * @throws SQLException also when {@code name} is one of DuckDB's own functions or of the server's SQL, or a function
     *                      of that name and parameters returns another type
     */
    @Override
    public SqlFunctionRoute route(String name, List<DuckDBColumnType> parameterTypes, DuckDBColumnType returnType,
            SqlFunctionBody body) throws SQLException {
        if (builtIns.contains(name)) {
            throw new SQLException(name + " is a DuckDB built-in function, which a plugin cannot replace");
        }
        if (ServerFunctionNames.taken(name)) {
            throw new SQLException(name + " is a name the server's own SQL uses, which a plugin cannot take");
        }
        FunctionSignature signature = new FunctionSignature(name, parameterTypes, returnType);
        synchronized (lock) {
            FunctionSlot slot = slots.get(signature);
            if (slot == null) {
                refuseOtherReturnType(signature);
                slot = new FunctionSlot(signature);
                for (SharedDatabase database : databases.values()) {
                    database.ensureRegistered(slot);
                }
                slots.put(signature, slot);
                routedNames = routedNames.with(signature);
            }
            return slot.open(body);
        }
    }

    /**
     * DuckDB cannot drop a function, and a second one of the same parameters would make every call ambiguous
     * ({@code Could not choose a best candidate function}) until a restart.
     */
    private void refuseOtherReturnType(FunctionSignature signature) throws SQLException {
        for (FunctionSignature known : slots.keySet()) {
            if (known.differsOnlyInReturnType(signature)) {
                throw new SQLException("SQL function " + known.name() + known.parameterTypes() + " returns "
                        + known.returnType() + " until the server restarts (DuckDB cannot drop a function), so it "
                        + "cannot return " + signature.returnType() + " now");
            }
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
