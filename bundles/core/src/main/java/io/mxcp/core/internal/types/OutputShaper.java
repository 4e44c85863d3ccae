package io.mxcp.core.internal.types;

import java.util.List;
import java.util.Map;

import io.mxcp.core.model.TypeDefinition;

/** Turns an executor's rows into the declared return shape (spec 01 §3.5). */
public final class OutputShaper {

    private OutputShaper() {
    }

    public static Object shape(Object result, TypeDefinition returns) throws OutputException {
        if (returns == null || "array".equals(returns.type()) || !(result instanceof List<?> rows)) {
            return result;
        }
        if (rows.isEmpty()) {
            throw new OutputException("No results returned");
        }
        if (rows.size() > 1) {
            throw new OutputException("Expected single result for return type '" + returns.type() + "', but got "
                    + rows.size() + " results");
        }
        Object row = rows.get(0);
        if ("object".equals(returns.type())) {
            return row;
        }
        if (row instanceof Map<?, ?> columns) {
            if (columns.size() != 1) {
                throw new OutputException("Expected single value for return type '" + returns.type() + "', but got "
                        + columns.size() + " values");
            }
            return columns.values().iterator().next();
        }
        return row;
    }
}
