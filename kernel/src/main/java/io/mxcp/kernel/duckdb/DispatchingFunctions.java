package io.mxcp.kernel.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBScalarFunctionBuilder;

/**
 * Registers the kernel's dispatching function for a slot on one database. The lambdas below are kernel
 * classes that reference only the slot, which is what lets plugin bundles come and go (HOTSWAP.md rule 8).
 */
final class DispatchingFunctions {

    /** DuckDB's Java scalar functions have fixed arities; the dispatchers below cover these. */
    private static final int MAX_PARAMETERS = 2;

    private DispatchingFunctions() {
    }

    static void checkArity(String name, List<DuckDBColumnType> parameterTypes) throws SQLException {
        if (parameterTypes.size() > MAX_PARAMETERS) {
            throw new SQLException("SQL function " + name + " has " + parameterTypes.size()
                    + " parameters: plugin functions take at most " + MAX_PARAMETERS);
        }
    }

    static void register(Connection connection, FunctionSlot slot) throws SQLException {
        FunctionSignature signature = slot.signature();
        try (DuckDBScalarFunctionBuilder builder = DuckDBFunctions.scalarFunction()) {
            builder.withName(signature.name());
            signature.parameterTypes().forEach(type -> addParameter(builder, type));
            builder.withReturnType(signature.returnType());
            // volatile: DuckDB must not fold a constant call (f('x'), f()) into a prepared plan, or a cached
            // statement would keep answering with the implementation that was current when it was prepared
            builder.withVolatile();
            // plugins see every call, also with NULL arguments (spec 01 §6.3 "special" null handling)
            switch (signature.parameterTypes().size()) {
                case 0 -> builder.withFunction(() -> slot.invoke(new Object[0]));
                case 1 -> builder.withFunction((Object a) -> slot.invoke(new Object[] {a}));
                case 2 -> builder.withFunction((Object a, Object b) -> slot.invoke(new Object[] {a, b}));
                default -> checkArity(signature.name(), signature.parameterTypes());
            }
            builder.register(connection);
        }
    }

    private static void addParameter(DuckDBScalarFunctionBuilder builder, DuckDBColumnType type) {
        try {
            builder.withParameter(type);
        } catch (SQLException e) {
            throw new IllegalArgumentException("unsupported parameter type " + type, e);
        }
    }
}
