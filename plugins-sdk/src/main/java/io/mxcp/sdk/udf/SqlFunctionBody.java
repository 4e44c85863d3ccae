package io.mxcp.sdk.udf;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The implementation of one SQL scalar function. Called once per row, possibly from DuckDB worker
 * threads and concurrently; arguments are null for SQL NULL. A thrown exception fails the query with its
 * message.
 */
@ConsumerType
@FunctionalInterface
public interface SqlFunctionBody {
    Object apply(Object[] arguments) throws Exception;
}
