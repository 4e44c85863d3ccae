package io.mxcp.executor.sql.statement;

import java.util.List;

/**
 * One statement of a SQL script.
 *
 * @param text           the statement as written (without the terminating semicolon)
 * @param bindableText   the statement with every parameter rewritten to DuckDB's positional {@code $n}
 * @param parameterNames the distinct parameter names, lower-cased, in order of first use; name {@code i}
 *                       binds position {@code i + 1}
 */
public record SqlStatement(String text, String bindableText, List<String> parameterNames) {

    public SqlStatement {
        parameterNames = List.copyOf(parameterNames);
    }

    public boolean hasParameters() {
        return !parameterNames.isEmpty();
    }
}
