package io.mxcp.core.internal.types;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns executor values into JSON-ready values (spec 01 §3.6 serialization, applied with and without a
 * return type — quirk A8): maps, lists, strings, booleans, Long/Integer/BigInteger, BigDecimal, Double, null.
 * NaN becomes null (quirk A7), and so do the infinities: JSON has no number for them (the original writes a bare
 * {@code Infinity}, which JSON parsers refuse).
 */
public final class ValueSerializer {

    private ValueSerializer() {
    }

    public static Object serialize(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof java.math.BigInteger || value instanceof BigDecimal) {
            return value; // a decimal keeps its digits, as the original's encoders write Python's Decimal
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? f.doubleValue() : null;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(PythonText.str(k), serialize(v)));
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(v -> result.add(serialize(v)));
            return result;
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalTime time) {
            return PythonText.str(time);
        }
        if (value instanceof LocalDateTime dateTime) {
            return PythonText.str(dateTime).replace(' ', 'T');
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toLocalDate() + "T" + PythonText.str(dateTime.toLocalTime()) + offset(dateTime.getOffset());
        }
        if (value instanceof Duration duration) {
            return isoDuration(duration);
        }
        if (value instanceof UUID || value instanceof byte[]) {
            return PythonText.str(value);
        }
        return value.toString();
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        return String.format("%s%02d:%02d", seconds < 0 ? "-" : "+", Math.abs(seconds) / 3600, Math.abs(seconds) / 60 % 60);
    }

    /** pandas' {@code Timedelta.isoformat()}: {@code P0DT1H30M0S}, fractional seconds without trailing zeros. */
    static String isoDuration(Duration duration) {
        String sign = duration.isNegative() ? "-" : "";
        Duration d = duration.abs();
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        long nanos = d.toNanosPart();
        String secondText = Long.toString(seconds);
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
            secondText += "." + fraction;
        }
        return sign + "P" + days + "DT" + hours + "H" + minutes + "M" + secondText + "S";
    }
}
