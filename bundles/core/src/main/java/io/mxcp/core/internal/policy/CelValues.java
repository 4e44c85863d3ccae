package io.mxcp.core.internal.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cel.common.values.NullValue;

/**
 * Turns the values a call carries (arguments, results, the user) into CEL's JSON-like values: every integer a CEL
 * {@code int}, every other number a {@code double}, dates and times their ISO text, null CEL's {@code null}. The
 * original fails a rule on a value it cannot convert; converting first lets the condition decide (spec 03 §2.3).
 */
final class CelValues {

    private CelValues() {
    }

    static Object of(Object value) {
        return switch (value) {
            case null -> NullValue.NULL_VALUE;
            case String text -> text;
            case Boolean flag -> flag;
            case Long number -> number;
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case Byte number -> number.longValue();
            case BigInteger number -> number.bitLength() < 64 ? (Object) number.longValue() : number.doubleValue();
            case BigDecimal number -> number.doubleValue();
            case Number number -> number.doubleValue();
            case Map<?, ?> map -> map(map);
            case List<?> list -> list(list);
            case TemporalAccessor temporal -> temporal.toString();
            default -> String.valueOf(value);
        };
    }

    static Map<String, Object> map(Map<?, ?> map) {
        Map<String, Object> converted = new LinkedHashMap<>();
        map.forEach((key, value) -> converted.put(String.valueOf(key), of(value)));
        return converted;
    }

    private static List<Object> list(List<?> list) {
        List<Object> converted = new ArrayList<>(list.size());
        list.forEach(value -> converted.add(of(value)));
        return converted;
    }
}
