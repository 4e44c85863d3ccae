package io.mxcp.mcp.internal.arguments;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code int} in lax mode: an integer, a float without fraction, a boolean or an integer string, handed on as
 * an Integer, Long or (when larger) BigInteger.
 */
final class IntegerRule implements ValueRule {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private final NumberBounds bounds;

    IntegerRule(NumberBounds bounds) {
        this.bounds = bounds;
    }

    @Override
    public Object apply(JsonNode value, Location at, Violations violations) {
        Number number;
        if (value.isIntegralNumber()) {
            number = value.numberValue();
        } else if (value.isNumber()) {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                violations.add(at, "Input should be a finite number");
                return null;
            }
            BigDecimal decimal = value.decimalValue();
            if (decimal.stripTrailingZeros().scale() > 0) {
                violations.add(at, "Input should be a valid integer, got a number with a fractional part");
                return null;
            }
            number = narrow(decimal.toBigInteger());
        } else if (value.isBoolean()) {
            number = value.booleanValue() ? 1L : 0L;
        } else if (value.isTextual()) {
            String text = value.textValue().strip();
            if (!INTEGER.matcher(text).matches()) {
                violations.add(at, "Input should be a valid integer, unable to parse string as an integer");
                return null;
            }
            number = narrow(new BigInteger(text));
        } else {
            violations.add(at, "Input should be a valid integer");
            return null;
        }
        return bounds.check(number, at, violations);
    }

    private static Number narrow(BigInteger value) {
        return value.bitLength() < 64 ? (Number) value.longValue() : value;
    }
}
