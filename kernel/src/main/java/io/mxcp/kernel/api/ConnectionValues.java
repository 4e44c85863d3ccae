package io.mxcp.kernel.api;

import java.util.Map;

/**
 * String values for the statements of one connection, read while a statement runs. DuckDB folds
 * {@code getvariable()} into a plan when the statement is prepared, so a cached prepared statement keeps the
 * value a {@code SET VARIABLE} had then; these values are looked up on every execution instead, and setting them
 * runs no SQL. Set them only while the connection is yours (a checked-out pooled connection).
 *
 * @since 1.2
 */
public interface ConnectionValues extends AutoCloseable {

    /**
     * A SQL expression of type VARCHAR reading one value of this connection, NULL when it is not set.
     *
     * @param nameSql a SQL expression of type VARCHAR naming the value (a literal, or an expression such as a
     *                macro parameter); a NULL name reads NULL
     */
    String readExpression(String nameSql);

    /** Replaces every value; statements that start afterwards read the new ones. */
    void set(Map<String, String> values);

    /** Forgets the values; the read expression then answers NULL. */
    @Override
    void close();
}
