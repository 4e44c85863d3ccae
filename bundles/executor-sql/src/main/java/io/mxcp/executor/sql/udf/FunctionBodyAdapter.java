package io.mxcp.executor.sql.udf;

import java.math.BigDecimal;
import java.util.Optional;

import io.mxcp.kernel.api.SqlFunctionBody;
import io.mxcp.sdk.exec.ExecutionContext;
import io.mxcp.sdk.udf.SqlFunction;
import io.mxcp.sdk.udf.SqlType;

/**
 * What the kernel calls for a routed plugin function: runs the plugin's body with the plugin's class loader
 * as the thread context class loader (DuckDB worker threads have none) and restores the caller's afterwards,
 * hands it the call (the SQL executor gives its connections the call's {@link ExecutionContext}), and returns the
 * result as the Java type DuckDB expects for the declared return type.
 */
final class FunctionBodyAdapter implements SqlFunctionBody {

    private final String qualifiedName;
    private final io.mxcp.sdk.udf.SqlFunctionBody body;
    private final SqlType returnType;
    private final Class<?> provider;

    /** @param provider the plugin's {@code SqlFunctionProvider} class: its loader and bundle are the plugin's */
    FunctionBodyAdapter(String providerName, SqlFunction function, Class<?> provider) {
        this.qualifiedName = providerName + "." + function.name();
        this.body = function.body();
        this.returnType = function.returnType();
        this.provider = provider;
    }

    @Override
    public Class<?> implementation() {
        return provider;
    }

    @Override
    public Object apply(Object[] arguments, Object caller) {
        Thread thread = Thread.currentThread();
        ClassLoader callerLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(provider.getClassLoader());
        try {
            return convert(body.apply(arguments, caller instanceof ExecutionContext call ? Optional.of(call)
                    : Optional.empty()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(qualifiedName + ": " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(callerLoader);
        }
    }

    private Object convert(Object result) {
        if (result == null) {
            return null;
        }
        if (result instanceof Number number) {
            switch (returnType) {
                case INTEGER: return (int) whole(number, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case BIGINT: return whole(number, Long.MIN_VALUE, Long.MAX_VALUE);
                case DOUBLE: return number.doubleValue();
                default: break;
            }
        }
        if (returnType == SqlType.VARCHAR && !(result instanceof String)) {
            return result.toString();
        }
        return result;
    }

    /** The number as a whole number within the range, else a failure naming the function (never a cut value). */
    private long whole(Number number, long min, long max) {
        BigDecimal exact;
        try {
            exact = new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            // NaN, Infinity
            throw new IllegalStateException(qualifiedName + " returned " + number + " for its " + returnType
                    + " result");
        }
        if (exact.stripTrailingZeros().scale() > 0) {
            throw new IllegalStateException(qualifiedName + " returned " + number + ", which is not a whole number, "
                    + "for its " + returnType + " result");
        }
        if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalStateException(qualifiedName + " returned " + number + ", beyond the range of its "
                    + returnType + " result");
        }
        return exact.longValueExact();
    }
}
