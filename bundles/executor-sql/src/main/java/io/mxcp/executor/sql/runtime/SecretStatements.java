package io.mxcp.executor.sql.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CREATE TEMPORARY SECRET} statements for the active profile's secrets (spec 01 §1.8): name, type and
 * keys unquoted, scalar values as text the way Python's {@code str()} prints them, mappings as
 * {@code MAP {...}}; quotes in values are doubled (the reference does not escape them).
 */
final class SecretStatements {

    private SecretStatements() {
    }

    /** The statement for one secret {@code {name, type, parameters}}, empty when it has no parameters. */
    static Optional<String> create(Map<String, Object> secret) {
        if (!(secret.get("parameters") instanceof Map<?, ?> parameters) || parameters.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder("CREATE TEMPORARY SECRET ")
                .append(secret.get("name")).append(" ( TYPE ").append(secret.get("type"));
        for (Map.Entry<?, ?> parameter : parameters.entrySet()) {
            sql.append(", ").append(parameter.getKey()).append(' ');
            if (parameter.getValue() instanceof Map<?, ?> map) {
                sql.append("MAP {");
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        sql.append(", ");
                    }
                    first = false;
                    sql.append(SqlLiterals.string(pythonStr(entry.getKey()))).append(": ")
                            .append(SqlLiterals.string(pythonStr(entry.getValue())));
                }
                sql.append('}');
            } else {
                sql.append(SqlLiterals.string(pythonStr(parameter.getValue())));
            }
        }
        return Optional.of(sql.append(" )").toString());
    }

    /** Python's {@code str()} for the scalar values YAML produces. */
    static String pythonStr(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case List<?> list -> list.stream().map(SecretStatements::pythonRepr).toList().toString();
            default -> value.toString();
        };
    }

    private static String pythonRepr(Object value) {
        return value instanceof String s ? "'" + s + "'" : pythonStr(value);
    }
}
