package io.mxcp.executor.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.duckdb.DuckDBFunctions;

import io.mxcp.kernel.api.ConnectionValues;
import io.mxcp.kernel.api.DuckDbDatabase;
import io.mxcp.kernel.api.DuckDbHost;
import io.mxcp.kernel.api.SqlFunctionRoute;

/**
 * A small stand-in for the kernel's host: one database per open() call, routes kept as a stack per name and
 * signature behind one registered dispatching function (the newest open route answers), and connection values
 * behind one such function, as the kernel does.
 */
public final class TestDuckDbHost implements DuckDbHost {

    private final List<DuckDBConnection> databases = new ArrayList<>();
    private final Map<String, Dispatcher> dispatchers = new HashMap<>();
    public final AtomicInteger openDatabases = new AtomicInteger();
    private final Map<Long, Map<String, String>> connectionValues = new ConcurrentHashMap<>();
    private final AtomicLong connectionKeys = new AtomicLong();

    public TestDuckDbHost() {
        try {
            route("mxcp_connection_value", List.of(DuckDBColumnType.BIGINT, DuckDBColumnType.VARCHAR),
                    DuckDBColumnType.VARCHAR, arguments -> {
                        Map<String, String> values = arguments[0] == null ? null : connectionValues.get((Long) arguments[0]);
                        return values == null || arguments[1] == null ? null : values.get(arguments[1].toString());
                    });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConnectionValues newConnectionValues() {
        long key = connectionKeys.incrementAndGet();
        return new ConnectionValues() {
            @Override
            public String readExpression(String nameSql) {
                return "mxcp_connection_value(" + key + ", " + nameSql + ")";
            }

            @Override
            public void set(Map<String, String> values) {
                connectionValues.put(key, Map.copyOf(values));
            }

            @Override
            public void close() {
                connectionValues.remove(key);
            }
        };
    }

    private static final class Dispatcher {
        final String name;
        final List<DuckDBColumnType> parameters;
        final DuckDBColumnType returnType;
        final List<Function<Object[], Object>> bodies = new ArrayList<>();

        Dispatcher(String name, List<DuckDBColumnType> parameters, DuckDBColumnType returnType) {
            this.name = name;
            this.parameters = parameters;
            this.returnType = returnType;
        }

        Object call(Object... arguments) {
            Function<Object[], Object> current;
            synchronized (this) {
                current = bodies.isEmpty() ? null : bodies.getLast();
            }
            if (current == null) {
                throw new IllegalStateException("The UDF plugin of SQL function " + name + " is not installed");
            }
            return current.apply(arguments);
        }

        void register(Connection connection) throws SQLException {
            // volatile: the implementation behind the name changes, so DuckDB must not fold constant calls into plans
            var builder = DuckDBFunctions.scalarFunction().withName(name).withReturnType(returnType).withVolatile();
            for (DuckDBColumnType parameter : parameters) {
                builder.withParameter(parameter);
            }
            switch (parameters.size()) {
                case 0 -> builder.withFunction((Supplier<Object>) () -> call());
                case 1 -> builder.withFunction((Function<Object, Object>) a -> call(a));
                case 2 -> builder.withFunction((BiFunction<Object, Object, Object>) (a, b) -> call(a, b));
                default -> throw new SQLException("test host supports up to two parameters");
            }
            builder.register(connection);
        }
    }

    @Override
    public synchronized DuckDbDatabase open(Path file, boolean readOnly) throws SQLException {
        Properties properties = new Properties();
        if (readOnly) {
            properties.setProperty("duckdb.read_only", "true");
        }
        DuckDBConnection main = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + file, properties);
        for (Dispatcher dispatcher : dispatchers.values()) {
            dispatcher.register(main);
        }
        databases.add(main);
        openDatabases.incrementAndGet();
        return new DuckDbDatabase() {
            @Override
            public Path file() {
                return file;
            }

            @Override
            public boolean readOnly() {
                return readOnly;
            }

            @Override
            public Connection connect() throws SQLException {
                return main.duplicate();
            }

            @Override
            public ConnectionValues connectionValues() {
                return newConnectionValues();
            }

            @Override
            public void close() {
                synchronized (TestDuckDbHost.this) {
                    databases.remove(main);
                    openDatabases.decrementAndGet();
                }
                try {
                    main.close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Override
    public synchronized SqlFunctionRoute route(String name, List<DuckDBColumnType> parameterTypes,
            DuckDBColumnType returnType, Function<Object[], Object> body) throws SQLException {
        String key = name + parameterTypes;
        Dispatcher dispatcher = dispatchers.get(key);
        if (dispatcher == null) {
            dispatcher = new Dispatcher(name, List.copyOf(parameterTypes), returnType);
            for (DuckDBConnection database : databases) {
                dispatcher.register(database);
            }
            dispatchers.put(key, dispatcher);
        }
        Dispatcher routed = dispatcher;
        synchronized (routed) {
            routed.bodies.add(body);
        }
        return () -> {
            synchronized (routed) {
                routed.bodies.remove(body);
            }
        };
    }
}
