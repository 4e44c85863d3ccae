package io.mxcp.executor.python.plugin;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duckdb.DuckDBColumnType;

import io.mxcp.executor.python.runtime.CallDescription;
import io.mxcp.executor.python.runtime.PythonException;
import io.mxcp.executor.python.runtime.PythonRuntime;
import io.mxcp.kernel.api.DuckDbHost;
import io.mxcp.kernel.api.SqlFunctionBody;
import io.mxcp.kernel.api.SqlFunctionRoute;
import io.mxcp.sdk.exec.ExecutionContext;

/**
 * The SQL functions of a generation's Python plugins (spec 01 §6.3), routed through the kernel's stable entry
 * points (HOTSWAP.md rule 8) so that a new generation takes them over and a closed one stops answering.
 */
public final class PluginFunctions implements AutoCloseable {

    private static final Logger LOG = System.getLogger(PluginFunctions.class.getName());

    /** The types DuckDB's Java scalar functions take and return (duckdb_jdbc 1.5: no BLOB, TIME, INTERVAL, nested). */
    private static final Set<DuckDBColumnType> JAVA_FUNCTION_TYPES = EnumSet.of(DuckDBColumnType.BOOLEAN,
            DuckDBColumnType.TINYINT, DuckDBColumnType.SMALLINT, DuckDBColumnType.INTEGER, DuckDBColumnType.BIGINT,
            DuckDBColumnType.HUGEINT, DuckDBColumnType.UTINYINT, DuckDBColumnType.USMALLINT,
            DuckDBColumnType.UINTEGER, DuckDBColumnType.UBIGINT, DuckDBColumnType.UHUGEINT, DuckDBColumnType.FLOAT,
            DuckDBColumnType.DOUBLE, DuckDBColumnType.DECIMAL, DuckDBColumnType.VARCHAR, DuckDBColumnType.DATE,
            DuckDBColumnType.TIMESTAMP, DuckDBColumnType.TIMESTAMP_S, DuckDBColumnType.TIMESTAMP_MS,
            DuckDBColumnType.TIMESTAMP_NS, DuckDBColumnType.TIMESTAMP_WITH_TIME_ZONE);

    private final List<SqlFunctionRoute> routes;

    private PluginFunctions(List<SqlFunctionRoute> routes) {
        this.routes = routes;
    }

    /**
     * Routes each UDF the plugins declare to its method.
     *
     * @param functions each {@code {plugin, method, name, parameters: [sql type], returns: sql type}}
     * @throws SQLException for a type the JVM's function bridge cannot carry, or a registration failure
     */
    @SuppressWarnings("unchecked")
    public static PluginFunctions register(DuckDbHost host, PythonRuntime runtime, List<Map<String, Object>> functions)
            throws SQLException {
        List<SqlFunctionRoute> routes = new ArrayList<>();
        try {
            for (Map<String, Object> function : functions) {
                String name = (String) function.get("name");
                String plugin = (String) function.get("plugin");
                String method = (String) function.get("method");
                List<DuckDBColumnType> parameters = new ArrayList<>();
                for (Object type : (List<Object>) function.get("parameters")) {
                    parameters.add(columnType(name, plugin, (String) type));
                }
                DuckDBColumnType returns = columnType(name, plugin, (String) function.get("returns"));
                try {
                    routes.add(host.route(name, parameters, returns, (SqlFunctionBody) (arguments, caller) ->
                            call(runtime, name, plugin, method, arguments, caller, returns)));
                } catch (SQLException | IllegalArgumentException e) {
                    throw new SQLException("UDF " + name + " of plugin " + plugin + " cannot be registered: "
                            + e.getMessage(), e);
                }
            }
        } catch (SQLException | RuntimeException e) {
            routes.forEach(SqlFunctionRoute::close);
            throw e;
        }
        return new PluginFunctions(routes);
    }

    /**
     * Runs the UDF for its caller: the SQL executor hands its connections the call's {@link ExecutionContext}, which
     * the Python side turns into the UDF's execution context (spec 01 §6.3: it may call {@code get_user_context()}).
     * Described per row rather than cached, so that no call's token or headers outlive it here.
     */
    private static Object call(PythonRuntime runtime, String name, String plugin, String method, Object[] arguments,
            Object caller, DuckDBColumnType returns) {
        String callJson = caller instanceof ExecutionContext context
                ? runtime.encode(CallDescription.of(null, context)) : null;
        try {
            return SqlResults.as(name, runtime.callUdf(plugin, method, arguments, callJson), returns);
        } catch (PythonException e) {
            LOG.log(Level.DEBUG, () -> "UDF " + name + " of plugin " + plugin + " failed", e);
            throw UdfFailure.raised(name, e.failure());
        }
    }

    /**
     * The DuckDB type of a UDF's parameter or result, checked here rather than when a database registers the function
     * (which may happen later, where the plugin would not be named).
     */
    private static DuckDBColumnType columnType(String function, String plugin, String sqlType) throws SQLException {
        DuckDBColumnType type;
        try {
            type = DuckDBColumnType.valueOf(sqlType);
        } catch (IllegalArgumentException e) {
            throw unsupported(function, plugin, sqlType, e);
        }
        if (!JAVA_FUNCTION_TYPES.contains(type)) {
            throw unsupported(function, plugin, sqlType, null);
        }
        return type;
    }

    private static SQLException unsupported(String function, String plugin, String sqlType, Exception cause) {
        return new SQLException("UDF " + function + " of plugin " + plugin + ": type " + sqlType
                + " is not supported by DuckDB's Java functions (they take booleans, integers, floating-point and "
                + "decimal numbers, text, dates and timestamps)", cause);
    }

    @Override
    public void close() {
        routes.forEach(SqlFunctionRoute::close);
    }
}
