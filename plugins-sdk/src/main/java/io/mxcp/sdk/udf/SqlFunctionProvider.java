package io.mxcp.sdk.udf;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A named set of DuckDB scalar functions. Register an implementation as an OSGi service: the SQL executor
 * makes its functions callable from every endpoint's SQL while the service is registered, and answers
 * "The UDF plugin of SQL function ... is not installed" once it is gone. A newer version of the same provider (same
 * {@link #providerName()}) takes over its functions without a gap. A function (name and parameter types) belongs
 * to one provider: the same function from a provider of another name, a function listed twice and a function named
 * as one of DuckDB's own are refused, and the log says so; a newer version with such a refusal, or whose
 * {@link #functions()} throws, does not replace the version that runs.
 */
@ConsumerType
public interface SqlFunctionProvider {

    /** A stable name for the provider, shown in errors and logs: letters, digits, '_', '-' and '.'. */
    String providerName();

    /** The functions; called once when the provider is registered. */
    List<SqlFunction> functions();
}
