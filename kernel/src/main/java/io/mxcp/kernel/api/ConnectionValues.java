package io.mxcp.kernel.api;

import java.sql.Connection;
import java.sql.SQLException;
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
     * A SQL expression of type VARCHAR reading one value of this connection, NULL when it is not set. It reads the
     * values of the connection that runs it, once that connection is {@link #bind bound}.
     *
     * @param nameSql a SQL expression of type VARCHAR naming the value (a literal, or an expression such as a
     *                macro parameter); a NULL name reads NULL
     */
    String readExpression(String nameSql);

    /** Replaces every value and forgets the caller; statements that start afterwards read the new ones. */
    default void set(Map<String, String> values) {
        set(values, null);
    }

    /**
     * Replaces every value and the caller, which routed functions called by this connection's statements receive
     * ({@link SqlFunctionBody}). The caller is held until the next {@code set} or {@link #close}.
     *
     * @since 1.5
     */
    void set(Map<String, String> values, Object caller);

    /**
     * Ties these values to {@code connection} (the one they are for): its statements then read them
     * ({@link #readExpression}) and call every function routed so far by its name, passing this connection's caller
     * (a TEMP MACRO per name). Call it before the connection runs a statement, e.g. at each checkout of a pooled
     * connection: it runs SQL the first time and when a function name or signature was routed since.
     *
     * @since 1.5
     */
    void bind(Connection connection) throws SQLException;

    /** Forgets the values and the caller; the read expression then answers NULL. */
    @Override
    void close();
}
