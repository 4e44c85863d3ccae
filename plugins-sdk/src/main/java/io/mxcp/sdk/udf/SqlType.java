package io.mxcp.sdk.udf;

/**
 * The DuckDB types a plugin function can take and return, with the Java type its body sees.
 */
public enum SqlType {
    /** {@link String} */
    VARCHAR,
    /** {@link Boolean} */
    BOOLEAN,
    /** {@link Integer} */
    INTEGER,
    /** {@link Long} */
    BIGINT,
    /** {@link Double} */
    DOUBLE
}
