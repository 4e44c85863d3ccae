package io.mxcp.executor.sql.runtime;

/** SQL text for values written into statements that cannot take parameters (CREATE SECRET). */
final class SqlLiterals {

    private SqlLiterals() {
    }

    /** A VARCHAR literal; DuckDB strings take no backslash escapes, so doubling quotes is enough. */
    static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
