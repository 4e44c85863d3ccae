package io.mxcp.executor.sql.statement;

import java.util.List;

/** The statements of a SQL text, split the way DuckDB splits them (empty statements dropped). */
public record SqlScript(List<SqlStatement> statements) {

    public SqlScript {
        statements = List.copyOf(statements);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    public SqlStatement first() {
        return statements.getFirst();
    }

    public SqlStatement last() {
        return statements.getLast();
    }

    /** Every statement but the last, which DuckDB runs without parameters before preparing the last. */
    public List<SqlStatement> leading() {
        return statements.subList(0, statements.size() - 1);
    }

    public static SqlScript parse(String sql) {
        return new SqlTokenizer(sql).split();
    }
}
