package io.mxcp.kernel.duckdb;

import java.util.List;
import java.util.stream.Collectors;

import org.duckdb.DuckDBColumnType;

/** A SQL function's identity in DuckDB: its name and parameter types (the return type is part of the entry). */
record FunctionSignature(String name, List<DuckDBColumnType> parameterTypes, DuckDBColumnType returnType) {

    FunctionSignature {
        parameterTypes = List.copyOf(parameterTypes);
    }

    /** Whether the two differ only in their return type, which DuckDB cannot tell apart (names ignore case). */
    boolean differsOnlyInReturnType(FunctionSignature other) {
        return name.equalsIgnoreCase(other.name) && parameterTypes.equals(other.parameterTypes)
                && returnType != other.returnType;
    }

    @Override
    public String toString() {
        return name + parameterTypes.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")")) + " -> "
                + returnType;
    }
}
