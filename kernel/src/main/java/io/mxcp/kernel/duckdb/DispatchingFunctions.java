package io.mxcp.kernel.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBLogicalType;
import org.duckdb.DuckDBScalarFunctionBuilder;

import io.mxcp.kernel.api.SqlFunctionMessages;

/**
 * Registers the kernel's dispatching function for a slot on one database: the slot's entry point, taking the
 * function's parameters and then the calling connection's key (a connection's {@link RoutedNames macros} pass it).
 * The lambda below is a kernel class that references only the slot and the store, which is what lets plugin bundles
 * come and go (HOTSWAP.md rule 8).
 */
final class DispatchingFunctions {

    private DispatchingFunctions() {
    }

    /** The name the entry point of function {@code name} is registered under. */
    static String entryName(String name) {
        return SqlFunctionMessages.ENTRY_PREFIX + name;
    }

    static void register(Connection connection, FunctionSlot slot, ConnectionValueStore callers) throws SQLException {
        FunctionSignature signature = slot.signature();
        int arity = signature.parameterTypes().size();
        try (DuckDBScalarFunctionBuilder builder = DuckDBFunctions.scalarFunction()) {
            builder.withName(entryName(signature.name()));
            for (DuckDBColumnType type : signature.parameterTypes()) {
                addParameter(builder, type);
            }
            // the key travels as a trailing variadic argument: DuckDB's Java functions of fixed arity stop at two
            builder.withVarArgs(DuckDBLogicalType.of(DuckDBColumnType.BIGINT));
            builder.withReturnType(signature.returnType());
            // volatile: DuckDB must not fold a constant call (f('x'), f()) into a prepared plan, or a cached
            // statement would keep answering with the implementation that was current when it was prepared
            builder.withVolatile();
            // plugins see every call, also with NULL arguments (spec 01 §6.3 "special" null handling)
            builder.withVarArgsFunction(arguments -> slot.invoke(Arrays.copyOf(arguments, arity),
                    arguments.length > arity ? callers.caller(arguments[arity]) : null));
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
