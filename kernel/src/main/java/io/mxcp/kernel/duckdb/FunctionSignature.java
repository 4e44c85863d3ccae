package io.mxcp.kernel.duckdb;

import java.util.List;

import org.duckdb.DuckDBColumnType;

/** A SQL function's identity in DuckDB: its name and parameter types (the return type is part of the entry). */
record FunctionSignature(String name, List<DuckDBColumnType> parameterTypes, DuckDBColumnType returnType) {

    FunctionSignature {
        parameterTypes = List.copyOf(parameterTypes);
    }

    @Override
    public String toString() {
        return name + parameterTypes + " -> " + returnType;
    }
}
