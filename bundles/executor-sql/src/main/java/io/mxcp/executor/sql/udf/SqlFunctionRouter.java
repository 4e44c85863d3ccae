package io.mxcp.executor.sql.udf;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBColumnType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.mxcp.kernel.api.DuckDbHost;
import io.mxcp.kernel.api.SqlFunctionRoute;
import io.mxcp.sdk.udf.SqlFunction;
import io.mxcp.sdk.udf.SqlFunctionProvider;
import io.mxcp.sdk.udf.SqlType;

/**
 * Makes the functions of every registered {@link SqlFunctionProvider} callable from SQL, through the kernel's
 * routes (a DuckDB function cannot be dropped, so the kernel owns it and dispatches to the current route).
 * A provider's routes are opened when it is bound and closed when it is unbound; during a side-by-side swap
 * the newer provider's routes take over when it binds, and closing the older ones leaves them current.
 */
@Component(immediate = true)
public final class SqlFunctionRouter {

    private static final Logger LOG = System.getLogger(SqlFunctionRouter.class.getName());

    private final DuckDbHost host;
    private final Map<SqlFunctionProvider, List<SqlFunctionRoute>> routes = new IdentityHashMap<>();
    private boolean active = true;

    @Activate
    public SqlFunctionRouter(@Reference DuckDbHost host) {
        this.host = host;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindProvider(SqlFunctionProvider provider) {
        List<SqlFunctionRoute> opened = new ArrayList<>();
        String providerName = provider.providerName();
        ClassLoader pluginLoader = provider.getClass().getClassLoader();
        for (SqlFunction function : provider.functions()) {
            try {
                opened.add(host.route(function.name(), columnTypes(function.parameterTypes()),
                        columnType(function.returnType()), new FunctionBodyAdapter(providerName, function, pluginLoader)));
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.ERROR, "SQL function " + function.name() + " of UDF plugin " + providerName
                        + " could not be registered: " + e.getMessage(), e);
            }
        }
        boolean keep;
        synchronized (this) {
            keep = active;
            if (keep) {
                routes.put(provider, opened);
            }
        }
        if (!keep) {
            opened.forEach(SqlFunctionRoute::close);
        }
    }

    void unbindProvider(SqlFunctionProvider provider) {
        List<SqlFunctionRoute> closing;
        synchronized (this) {
            closing = routes.remove(provider);
        }
        if (closing != null) {
            closing.forEach(SqlFunctionRoute::close);
        }
    }

    @Deactivate
    void deactivate() {
        List<List<SqlFunctionRoute>> closing;
        synchronized (this) {
            active = false;
            closing = new ArrayList<>(routes.values());
            routes.clear();
        }
        closing.forEach(list -> list.forEach(SqlFunctionRoute::close));
    }

    static List<DuckDBColumnType> columnTypes(List<SqlType> types) {
        return types.stream().map(SqlFunctionRouter::columnType).toList();
    }

    static DuckDBColumnType columnType(SqlType type) {
        return switch (type) {
            case VARCHAR -> DuckDBColumnType.VARCHAR;
            case BOOLEAN -> DuckDBColumnType.BOOLEAN;
            case INTEGER -> DuckDBColumnType.INTEGER;
            case BIGINT -> DuckDBColumnType.BIGINT;
            case DOUBLE -> DuckDBColumnType.DOUBLE;
        };
    }
}
