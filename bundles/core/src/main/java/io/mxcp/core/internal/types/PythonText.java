package io.mxcp.core.internal.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Values printed the way Python prints them ({@code str()}, {@code repr()}, {@code type().__name__}):
 * the reference's messages and prompt renderings show Python's spelling ({@code True}, {@code 1.0},
 * {@code ['a', 1]}, {@code 2024-01-15 10:30:00+00:00}).
 */
public final class PythonText {

    private PythonText() {
    }

    /** Python's {@code str(value)}. */
    public static String str(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof LocalDate || value instanceof UUID || value instanceof BigDecimal) {
            return value.toString();
        }
        if (value instanceof LocalDateTime dt) {
            return dt.toLocalDate() + " " + time(dt.toLocalTime());
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toLocalDate() + " " + time(odt.toLocalTime()) + offset(odt);
        }
        if (value instanceof LocalTime t) {
            return time(t);
        }
        if (value instanceof Duration d) {
            return timedelta(d);
        }
        return repr(value);
    }

    /** Python's {@code repr(value)}. */
    public static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return floatRepr(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal big) {
            return "Decimal('" + big.toPlainString() + "')";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof String s) {
            return stringRepr(s);
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            for (Iterator<?> it = list.iterator(); it.hasNext();) {
                text.append(repr(it.next()));
                if (it.hasNext()) {
                    text.append(", ");
                }
            }
            return text.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext();) {
                Map.Entry<?, ?> entry = it.next();
                text.append(repr(entry.getKey())).append(": ").append(repr(entry.getValue()));
                if (it.hasNext()) {
                    text.append(", ");
                }
            }
            return text.append('}').toString();
        }
        String temporal = PythonTemporalRepr.of(value);
        if (temporal != null) {
            return temporal;
        }
        if (value instanceof UUID uuid) {
            return "UUID('" + uuid + "')";
        }
        if (value instanceof byte[] bytes) {
            return bytesRepr(bytes);
        }
        return value.toString();
    }

    /** Python's {@code repr(bytes)}: printable ASCII as it is, other bytes escaped, quoted as Python chooses. */
    private static String bytesRepr(byte[] bytes) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : bytes) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder text = new StringBuilder(bytes.length + 3).append('b').append(quote);
        for (byte b : bytes) {
            int c = b & 0xff;
            switch (c) {
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> {
                    if (c == quote || c == '\\') {
                        text.append('\\').append((char) c);
                    } else if (c < 0x20 || c >= 0x7f) {
                        text.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        text.append((char) c);
                    }
                }
            }
        }
        return text.append(quote).toString();
    }

    /** Python's name of a value's runtime type ({@code int}, {@code float}, {@code str}, {@code NoneType}, ...). */
    public static String typeName(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte) {
            return "int";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof BigDecimal) {
            return "Decimal";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof LocalDate) {
            return "date";
        }
        if (value instanceof LocalDateTime || value instanceof OffsetDateTime) {
            return "datetime";
        }
        if (value instanceof LocalTime) {
            return "time";
        }
        if (value instanceof Duration) {
            return "timedelta";
        }
        if (value instanceof UUID) {
            return "UUID";
        }
        if (value instanceof byte[]) {
            return "bytes";
        }
        return value.getClass().getSimpleName();
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = shortest.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    private static String stringRepr(String s) {
        char quote = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder text = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c == quote) {
                        text.append('\\');
                    }
                    text.append(c);
                }
            }
        }
        return text.append(quote).toString();
    }

    private static String time(LocalTime t) {
        String text = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? text : text + String.format(".%06d", micros);
    }

    private static String offset(OffsetDateTime odt) {
        int seconds = odt.getOffset().getTotalSeconds();
        String sign = seconds < 0 ? "-" : "+";
        seconds = Math.abs(seconds);
        return String.format("%s%02d:%02d", sign, seconds / 3600, seconds / 60 % 60);
    }

    /** Python's {@code str(timedelta)}: {@code 1 day, 1:30:00}. */
    private static String timedelta(Duration d) {
        long days = Math.floorDiv(d.getSeconds(), 86400);
        long rest = Math.floorMod(d.getSeconds(), 86400);
        String clock = String.format("%d:%02d:%02d", rest / 3600, rest / 60 % 60, rest % 60);
        int micros = d.getNano() / 1000;
        if (micros != 0) {
            clock += String.format(".%06d", micros);
        }
        return days == 0 ? clock : days + (Math.abs(days) == 1 ? " day, " : " days, ") + clock;
    }
}
