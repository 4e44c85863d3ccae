package io.mxcp.sdk.udf;

import java.util.List;
import java.util.Objects;

/**
 * One scalar function a provider contributes.
 *
 * @param name           the SQL name (lower case letters, digits and underscores)
 * @param parameterTypes the argument types, in order (any number)
 * @param returnType     the result type
 * @param body           the implementation
 */
public record SqlFunction(String name, List<SqlType> parameterTypes, SqlType returnType, SqlFunctionBody body) {

    public SqlFunction {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("SQL function name must match [a-z_][a-z0-9_]*: " + name);
        }
        parameterTypes = List.copyOf(parameterTypes);
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(body, "body");
    }
}
