package io.mxcp.kernel.duckdb;

import java.sql.Connection;
import java.sql.SQLException;

import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBScalarFunctionBuilder;

/**
 * Registers the kernel's dispatching function for a slot on one database. The lambdas below are kernel
 * classes that reference only the slot, which is what lets plugin bundles come and go (HOTSWAP.md rule 8).
 */
final class DispatchingFunctions {

    private DispatchingFunctions() {
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
                default -> throw new SQLException("SQL function " + signature
                        + ": plugin functions take at most two parameters");
            }
            builder.register(connection);
        }
    }

    private static void addParameter(DuckDBScalarFunctionBuilder builder, org.duckdb.DuckDBColumnType type) {
        try {
            builder.withParameter(type);
        } catch (SQLException e) {
            throw new IllegalArgumentException("unsupported parameter type " + type, e);
        }
    }
}
