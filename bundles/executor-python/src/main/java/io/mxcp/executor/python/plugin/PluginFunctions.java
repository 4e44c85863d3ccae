package io.mxcp.executor.python.plugin;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBColumnType;

import io.mxcp.executor.python.runtime.PythonException;
import io.mxcp.executor.python.runtime.PythonRuntime;
import io.mxcp.kernel.api.DuckDbHost;
import io.mxcp.kernel.api.SqlFunctionRoute;

/**
 * The SQL functions of a generation's Python plugins (spec 01 §6.3), routed through the kernel's stable entry
 * points (HOTSWAP.md rule 8) so that a new generation takes them over and a closed one stops answering.
 */
public final class PluginFunctions implements AutoCloseable {

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
                List<DuckDBColumnType> parameters = new ArrayList<>();
                for (Object type : (List<Object>) function.get("parameters")) {
                    parameters.add(columnType(name, (String) type));
                }
                DuckDBColumnType returns = columnType(name, (String) function.get("returns"));
                String plugin = (String) function.get("plugin");
                String method = (String) function.get("method");
                try {
                    routes.add(host.route(name, parameters, returns,
                            arguments -> call(runtime, plugin, method, arguments, returns)));
                } catch (SQLException | IllegalArgumentException e) {
                    // DuckDB's Java functions carry fewer types than its SQL has (no BLOB, TIME or INTERVAL)
                    throw new SQLException("UDF " + name + " of plugin " + plugin + " cannot be registered: "
                            + e.getMessage() + " (DuckDB's Java functions do not take this type)", e);
                }
            }
        } catch (SQLException | RuntimeException e) {
            routes.forEach(SqlFunctionRoute::close);
            throw e;
        }
        return new PluginFunctions(routes);
    }

    private static Object call(PythonRuntime runtime, String plugin, String method, Object[] arguments,
            DuckDBColumnType returns) {
        try {
            return SqlResults.as(runtime.callUdf(plugin, method, arguments), returns);
        } catch (PythonException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static DuckDBColumnType columnType(String function, String sqlType) throws SQLException {
        try {
            return DuckDBColumnType.valueOf(sqlType);
        } catch (IllegalArgumentException e) {
            throw new SQLException("UDF " + function + ": type " + sqlType
                    + " is not supported by the JVM runtime's SQL function bridge (scalar types only)", e);
        }
    }

    @Override
    public void close() {
        routes.forEach(SqlFunctionRoute::close);
    }
}
