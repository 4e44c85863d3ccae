package io.mxcp.core.internal.types;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Python's {@code ==} for JSON-like values: {@code 1 == 1.0 == True}, {@code "2" != 2} (spec 01 §3.3 enum check). */
public final class PythonEquality {

    private PythonEquality() {
    }

    public static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (isNumeric(a) && isNumeric(b)) {
            return numeric(a).compareTo(numeric(b)) == 0;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (Iterator<?> ia = la.iterator(), ib = lb.iterator(); ia.hasNext();) {
                if (!equal(ia.next(), ib.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : ma.entrySet()) {
                if (!mb.containsKey(entry.getKey()) || !equal(entry.getValue(), mb.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    static boolean contains(List<?> values, Object value) {
        return values.stream().anyMatch(v -> equal(v, value));
    }

    private static boolean isNumeric(Object o) {
        return o instanceof Boolean || (o instanceof Number n && !(n instanceof Double d && (d.isNaN() || d.isInfinite())));
    }

    private static BigDecimal numeric(Object o) {
        if (o instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (o instanceof Double || o instanceof Float) {
            return new BigDecimal(((Number) o).doubleValue());
        }
        return new BigDecimal(o.toString());
    }
}
