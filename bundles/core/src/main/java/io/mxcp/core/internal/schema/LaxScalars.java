package io.mxcp.core.internal.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;

/** Pydantic's lax coercion of config scalars (spec 01 §0.3). */
public final class LaxScalars {

    private static final Set<String> TRUE_WORDS = Set.of("true", "1", "yes", "on", "t", "y");
    private static final Set<String> FALSE_WORDS = Set.of("false", "0", "no", "off", "f", "n");

    private LaxScalars() {
    }

    public static boolean toBoolean(Object value, String location) throws SchemaException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && !(value instanceof Double d && d.isNaN())) {
            double v = n.doubleValue();
            if (v == 0 || v == 1) {
                return v == 1;
            }
            throw new SchemaException(location, "Input should be a valid boolean, unable to interpret input");
        }
        if (value instanceof String s) {
            String word = s.trim().toLowerCase(Locale.ROOT);
            if (TRUE_WORDS.contains(word)) {
                return true;
            }
            if (FALSE_WORDS.contains(word)) {
                return false;
            }
            throw new SchemaException(location, "Input should be a valid boolean, unable to interpret input");
        }
        throw new SchemaException(location, "Input should be a valid boolean");
    }

    public static long toLong(Object value, String location) throws SchemaException {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.longValueExact();
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite() || d != Math.rint(d)) {
                throw new SchemaException(location, "Input should be a valid integer, got a number with a fractional part");
            }
            return d.longValue();
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim().replace("_", "")).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new SchemaException(location, "Input should be a valid integer, unable to parse string as an integer");
            }
        }
        throw new SchemaException(location, "Input should be a valid integer");
    }

    public static double toDouble(Object value, String location) throws SchemaException {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new SchemaException(location, "Input should be a valid number, unable to parse string as a number");
            }
        }
        throw new SchemaException(location, "Input should be a valid number");
    }
}
