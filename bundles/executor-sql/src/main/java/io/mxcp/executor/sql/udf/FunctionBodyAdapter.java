package io.mxcp.executor.sql.udf;

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
    private final ClassLoader pluginLoader;

    FunctionBodyAdapter(String providerName, SqlFunction function, ClassLoader pluginLoader) {
        this.qualifiedName = providerName + "." + function.name();
        this.body = function.body();
        this.returnType = function.returnType();
        this.pluginLoader = pluginLoader;
    }

    @Override
    public Object apply(Object[] arguments, Object caller) {
        Thread thread = Thread.currentThread();
        ClassLoader callerLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(pluginLoader);
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
                case INTEGER: return Math.toIntExact(number.longValue());
                case BIGINT: return number.longValue();
                case DOUBLE: return number.doubleValue();
                default: break;
            }
        }
        if (returnType == SqlType.VARCHAR && !(result instanceof String)) {
            return result.toString();
        }
        return result;
    }
}
