package io.mxcp.kernel.duckdb;

import java.util.concurrent.CopyOnWriteArrayList;
import io.mxcp.kernel.api.SqlFunctionBody;

/**
 * The kernel-owned target of one registered DuckDB function. DuckDB keeps the registered function object for
 * the life of the database, so that object holds only this slot; the slot points at the newest open route
 * and holds no plugin class once every route is closed.
 */
final class FunctionSlot {

    private final FunctionSignature signature;
    /** Open routes, oldest first; the last one serves new calls. */
    private final CopyOnWriteArrayList<Route> routes = new CopyOnWriteArrayList<>();

    FunctionSlot(FunctionSignature signature) {
        this.signature = signature;
    }

    FunctionSignature signature() {
        return signature;
    }

    Route open(SqlFunctionBody body) {
        Route route = new Route(this, body);
        routes.add(route);
        return route;
    }

    void remove(Route route) {
        routes.remove(route);
    }

    /** Called by DuckDB (possibly on a worker thread) once per row. */
    Object invoke(Object[] arguments, Object caller) {
        while (true) {
            Route current = currentRoute();
            if (current == null) {
                throw new PluginNotInstalledException(signature.name());
            }
            if (current.tryAcquire()) {
                try {
                    return current.body().apply(arguments, caller);
                } finally {
                    current.release();
                }
            }
            // the route closed between reading and acquiring it: read the current one again
        }
    }

    private Route currentRoute() {
        Object[] snapshot = routes.toArray();
        return snapshot.length == 0 ? null : (Route) snapshot[snapshot.length - 1];
    }
}
