package io.mxcp.executor.sql.udf;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.duckdb.DuckDBColumnType;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.mxcp.kernel.api.DuckDbHost;
import io.mxcp.kernel.api.PluginProblems;
import io.mxcp.kernel.api.SqlFunctionRoute;
import io.mxcp.sdk.udf.SqlFunction;
import io.mxcp.sdk.udf.SqlFunctionProvider;
import io.mxcp.sdk.udf.SqlType;

/**
 * Makes the functions of every registered {@link SqlFunctionProvider} callable from SQL, through the kernel's
 * routes (a DuckDB function cannot be dropped, so the kernel owns it and dispatches to the current route).
 * A provider's routes are opened when it is bound and closed when it is unbound; during a side-by-side swap
 * the newer provider's routes take over when it binds, and closing the older ones leaves them current.
 *
 * <p>A function is one provider's: another provider (another {@code providerName()}) cannot take it over, nor can a
 * provider list it twice, nor take one of DuckDB's own. A provider with such a function has none of its functions
 * registered (a version serves all it lists or nothing); this is logged and reported to the kernel, so a newer
 * version with such a problem does not replace the version that runs. A provider refused only because another
 * provider holds one of its functions waits: when a provider leaves, the waiting ones are tried again in the order
 * they came, so a running server ends up serving what a restart with the same plugins would.
 */
@Component(immediate = true)
public final class SqlFunctionRouter {

    private static final Logger LOG = System.getLogger(SqlFunctionRouter.class.getName());

    private static final Pattern PROVIDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final DuckDbHost host;
    private final PluginProblems problems;
    private final Map<SqlFunctionProvider, Bound> routes = new IdentityHashMap<>();
    /** Providers refused because another provider held one of their functions, in the order they came. */
    private final List<SqlFunctionProvider> waiting = new ArrayList<>();
    /** Held while the waiting providers are tried again. */
    private final Object sweep = new Object();
    private boolean active = true;

    /** Why a provider's functions are not registered; {@code waits} when another provider's leaving may change it. */
    private record Refusal(String message, boolean waits) {
    }

    /** A bound provider: its name, the functions it routes and their routes. */
    private record Bound(String providerName, Set<FunctionKey> keys, List<SqlFunctionRoute> routes) {
    }

    /** What makes two functions the same to DuckDB: the name (in any case) and the parameter types. */
    private record FunctionKey(String name, List<SqlType> parameterTypes) {
        static FunctionKey of(SqlFunction function) {
            return new FunctionKey(function.name().toLowerCase(Locale.ROOT), function.parameterTypes());
        }

        @Override
        public String toString() {
            return name + parameterTypes.stream().map(SqlType::name).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    @Activate
    public SqlFunctionRouter(@Reference DuckDbHost host, @Reference PluginProblems problems) {
        this.host = host;
        this.problems = problems;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindProvider(SqlFunctionProvider provider) {
        Refusal refusal = register(provider);
        if (refusal != null) {
            if (refusal.waits()) {
                synchronized (this) {
                    waiting.add(provider);
                }
            }
            problem(provider, refusal.message());
        }
    }

    /** Registers every function of the provider, or none: null when they are registered, else why not. */
    private Refusal register(SqlFunctionProvider provider) {
        String providerName = provider.providerName();
        if (providerName == null || !PROVIDER_NAME.matcher(providerName).matches()) {
            return new Refusal("UDF plugin name " + (providerName == null ? "null" : "'" + printable(providerName)
                    + "'") + " is not usable (letters, digits, '_', '-', '.'); none of its functions is registered",
                    false);
        }
        List<SqlFunction> functions;
        try {
            functions = List.copyOf(provider.functions());
        } catch (RuntimeException e) {
            return new Refusal("UDF plugin " + providerName + ": functions() threw " + e
                    + "; none of its functions is registered", false);
        }
        Set<FunctionKey> keys = new HashSet<>();
        String refusal = null;
        boolean onlyHeld = true;
        for (SqlFunction function : functions) {
            FunctionKey key = FunctionKey.of(function);
            boolean twice = !keys.add(key);
            String owner = twice ? null : ownerOtherThan(providerName, key);
            onlyHeld &= !twice;
            if (refusal == null && (twice || owner != null)) {
                refusal = "SQL function " + key + ": " + (twice ? "it is listed twice" : owner);
            }
        }
        List<SqlFunctionRoute> opened = new ArrayList<>();
        boolean routeFailed = false;
        for (int i = 0; refusal == null && i < functions.size(); i++) {
            SqlFunction function = functions.get(i);
            try {
                opened.add(host.route(function.name(), columnTypes(function.parameterTypes()),
                        columnType(function.returnType()),
                        new FunctionBodyAdapter(providerName, function, provider.getClass())));
            } catch (SQLException | RuntimeException e) {
                refusal = "SQL function " + FunctionKey.of(function) + ": " + e.getMessage();
                routeFailed = true;
            }
        }
        if (refusal != null) {
            // all or nothing: a version that cannot offer every function it lists serves none of them
            opened.forEach(SqlFunctionRoute::close);
            return new Refusal("UDF plugin " + providerName + ": " + refusal
                    + "; none of its functions is registered", onlyHeld && !routeFailed);
        }
        boolean keep;
        Set<FunctionKey> dropped = new HashSet<>();
        synchronized (this) {
            keep = active;
            if (keep) {
                routes.values().stream().filter(bound -> bound.providerName().equals(providerName))
                        .forEach(previous -> dropped.addAll(previous.keys()));
                dropped.removeAll(keys);
                routes.put(provider, new Bound(providerName, keys, opened));
            }
        }
        if (!keep) {
            opened.forEach(SqlFunctionRoute::close);
        } else if (!dropped.isEmpty()) {
            // DuckDB cannot drop a function: the old signature stays, with no implementation, until a restart
            LOG.log(Level.WARNING, "UDF plugin " + providerName + ": this version no longer provides "
                    + dropped.stream().map(FunctionKey::toString).sorted().toList() + "; DuckDB keeps those "
                    + "signatures until the server restarts, and calls of them fail (the UDF plugin of SQL function "
                    + "... is not installed)");
        }
        return null;
    }

    /** Why another provider's function of this key stops this one, or null. */
    private synchronized String ownerOtherThan(String providerName, FunctionKey key) {
        for (Bound bound : routes.values()) {
            if (!bound.providerName().equals(providerName) && bound.keys().contains(key)) {
                return "UDF plugin " + bound.providerName() + " provides it";
            }
        }
        return null;
    }

    private void problem(SqlFunctionProvider provider, String message) {
        LOG.log(Level.ERROR, message);
        Bundle bundle = FrameworkUtil.getBundle(provider.getClass());
        if (bundle != null) {
            problems.report(bundle, message);
        }
    }

    /** A name shown in the log as one line: control characters escaped. */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(c -> shown.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : Character.toString(c)));
        return shown.toString();
    }

    void unbindProvider(SqlFunctionProvider provider) {
        synchronized (this) {
            waiting.removeIf(waits -> waits == provider);
        }
        Bound closed = unregister(provider);
        if (closed != null) {
            registerWaiting(closed.providerName());
        }
    }

    /** Closes the provider's routes; what it had, or null when it had none. */
    private Bound unregister(SqlFunctionProvider provider) {
        Bound closing;
        synchronized (this) {
            closing = routes.remove(provider);
        }
        if (closing != null) {
            closing.routes().forEach(SqlFunctionRoute::close);
        }
        return closing;
    }

    /**
     * Tries the waiting providers again, in the order they came, now that {@code left} has left; one sweep at a
     * time, so that no provider is registered twice.
     */
    private void registerWaiting(String left) {
        synchronized (sweep) {
            List<SqlFunctionProvider> candidates;
            synchronized (this) {
                candidates = List.copyOf(waiting);
            }
            for (SqlFunctionProvider candidate : candidates) {
                Refusal refusal = register(candidate);
                if (refusal != null) {
                    if (!refusal.waits()) {
                        // held no longer, but refused for another reason now (a function DuckDB has): it stops waiting
                        synchronized (this) {
                            waiting.removeIf(waits -> waits == candidate);
                        }
                        problem(candidate, refusal.message());
                    }
                    continue;
                }
                boolean stillBound;
                synchronized (this) {
                    stillBound = waiting.removeIf(waits -> waits == candidate);
                }
                if (!stillBound) {
                    unregister(candidate); // unbound while it was registered
                    continue;
                }
                LOG.log(Level.INFO, "UDF plugin " + candidate.providerName() + ": its functions are registered now "
                        + "that UDF plugin " + left + " has left");
                Bundle bundle = FrameworkUtil.getBundle(candidate.getClass());
                if (bundle != null) {
                    problems.resolved(bundle);
                }
            }
        }
    }

    @Deactivate
    void deactivate() {
        List<Bound> closing;
        synchronized (this) {
            active = false;
            closing = new ArrayList<>(routes.values());
            routes.clear();
            waiting.clear();
        }
        closing.forEach(bound -> bound.routes().forEach(SqlFunctionRoute::close));
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
