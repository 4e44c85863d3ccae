package io.mxcp.kernel.api;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import org.duckdb.DuckDBColumnType;

/**
 * The process-wide DuckDB databases and their SQL functions. DuckDB's native engine is loaded once, by the
 * kernel's class loader; bundles never open databases themselves.
 *
 * <p>A Java SQL function belongs to a database and cannot be dropped, so plugin functions are reached
 * through {@link #route routes}: the kernel registers one dispatching function per name and signature, and
 * a route points it at a plugin's implementation until the route is closed. SQL calls a routed function by its name
 * on a connection {@link ConnectionValues#bind bound} to its values, which passes the connection's caller.
 */
public interface DuckDbHost {

    /**
     * Opens (or shares) the database in a file. Handles are counted: the database closes with the last one.
     * Every routed function is registered on it.
     */
    DuckDbDatabase open(Path file, boolean readOnly) throws SQLException;

    /**
     * Makes SQL function {@code name} call {@code body} on every database, now and later opened, until the
     * returned route is closed. A newer route for the same name and signature takes over at once; calls
     * already running finish on the implementation they started with.
     *
     * @param body receives the arguments and the caller and returns the result; it must not keep plugin state
     *             reachable from the kernel after the route is closed
     * @since 1.5
     */
    SqlFunctionRoute route(String name, List<DuckDBColumnType> parameterTypes, DuckDBColumnType returnType,
            SqlFunctionBody body) throws SQLException;

    /**
     * As {@link #route(String, List, DuckDBColumnType, SqlFunctionBody)}, for a body that does not need the caller.
     *
     * @param body receives the arguments (null for SQL NULL) and returns the result
     */
    default SqlFunctionRoute route(String name, List<DuckDBColumnType> parameterTypes, DuckDBColumnType returnType,
            Function<Object[], Object> body) throws SQLException {
        return route(name, parameterTypes, returnType, (SqlFunctionBody) (arguments, caller) -> body.apply(arguments));
    }
}
