package io.mxcp.core.internal.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.mxcp.core.model.TypeDefinition;

/** Converts one raw argument to its declared type, recursively (spec 01 §3.3 conversion table, §3.4). */
public final class InputConverter {

    private static final Pattern PY_INT = Pattern.compile("[+-]?\\d+(?:_\\d+)*");
    private static final Pattern PY_FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d+(?:_\\d+)*)?\\.?\\d+(?:_\\d+)*|\\d+(?:_\\d+)*\\.)(?:[eE][+-]?\\d+(?:_\\d+)*)?");
    private static final Pattern PY_SPECIAL_FLOAT = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private InputConverter() {
    }

    public static Object convert(Object value, TypeDefinition type) throws ConversionException {
        if (value == null) {
            return null;
        }
        return switch (type.type()) {
            case "string" -> type.format() == null ? plainString(value, type) : formatted(value, type.format());
            case "number" -> number(value, type);
            case "integer" -> integer(value, type);
            case "boolean" -> bool(value);
            case "array" -> array(value, type);
            case "object" -> object(value, type);
            default -> value;
        };
    }

    private static String plainString(Object value, TypeDefinition type) throws ConversionException {
        if (type.minLength() != null || type.maxLength() != null) {
            int length = length(value);
            if (type.minLength() != null && length < type.minLength()) {
                throw ConversionException.invalid("String must be at least " + type.minLength() + " characters long");
            }
            if (type.maxLength() != null && length > type.maxLength()) {
                throw ConversionException.invalid("String must be at most " + type.maxLength() + " characters long");
            }
        }
        return PythonText.str(value);
    }

    /** Python's {@code len()}. */
    private static int length(Object value) throws ConversionException {
        if (value instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (value instanceof List<?> list) {
            return list.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        throw ConversionException.raw("object of type '" + PythonText.typeName(value) + "' has no len()");
    }

    private static Object formatted(Object value, String format) throws ConversionException {
        switch (format) {
            case "date", "time", "date-time" -> {
                if (!(value instanceof String text)) {
                    throw ConversionException.invalid("Expected string for " + format + " format, got "
                            + PythonText.typeName(value));
                }
                return switch (format) {
                    case "date" -> TemporalFormats.date(text);
                    case "time" -> TemporalFormats.time(text);
                    default -> TemporalFormats.dateTime(text);
                };
            }
            case "timestamp" -> {
                try {
                    return TemporalFormats.timestamp(pythonFloat(value));
                } catch (ConversionException | ArithmeticException e) {
                    throw ConversionException.invalid("Invalid timestamp: " + PythonText.str(value));
                }
            }
            default -> {
                String text = PythonText.str(value);
                StringFormats.check(format, text);
                return text;
            }
        }
    }

    private static Double number(Object value, TypeDefinition type) throws ConversionException {
        double result;
        try {
            result = pythonFloat(value);
        } catch (ConversionException e) {
            throw ConversionException.invalid("Expected number, got " + PythonText.typeName(value));
        }
        NumberConstraints.checkInput(result, type);
        return result;
    }

    /** Python's {@code float(value)}; fails for anything else. */
    static double pythonFloat(Object value) throws ConversionException {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            String text = s.strip();
            if (PY_SPECIAL_FLOAT.matcher(text).matches()) {
                String lower = text.toLowerCase();
                if (lower.endsWith("nan")) {
                    return Double.NaN;
                }
                return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (PY_FLOAT.matcher(text).matches()) {
                return Double.parseDouble(text.replace("_", ""));
            }
        }
        throw ConversionException.invalid("not a float");
    }

    private static Object integer(Object value, TypeDefinition type) throws ConversionException {
        Number result = pythonInt(value);
        if (result == null) {
            throw ConversionException.invalid("Expected integer, got " + PythonText.typeName(value));
        }
        NumberConstraints.checkInput(result.doubleValue(), type);
        return result;
    }

    /** Python's {@code int(value)} as a Long (BigInteger when larger), or null when Python would fail. */
    private static Number pythonInt(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return narrow(big);
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return narrow(new BigDecimal(d).toBigInteger());
        }
        if (value instanceof String s) {
            String text = s.strip();
            if (PY_INT.matcher(text).matches()) {
                return narrow(new BigInteger(text.replace("_", "")));
            }
        }
        return null;
    }

    private static Number narrow(BigInteger big) {
        return big.bitLength() < 64 ? (Number) big.longValue() : big;
    }

    private static Boolean bool(Object value) {
        if (value instanceof String s) {
            return s.toLowerCase().equals("true");
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof List<?> list) {
            return !list.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return true;
    }

    /** A string argument parsed as JSON (how arrays and objects arrive from the command line); others as they are. */
    private static Object fromJsonText(Object value, String expected) throws ConversionException {
        if (!(value instanceof String s)) {
            return value;
        }
        try {
            return JsonText.parse(s);
        } catch (JsonProcessingException e) {
            throw ConversionException.invalid("Invalid JSON " + expected + ": " + s);
        }
    }

    private static List<Object> array(Object value, TypeDefinition type) throws ConversionException {
        Object parsed = fromJsonText(value, "array");
        if (!(parsed instanceof List<?> list)) {
            throw ConversionException.invalid("Expected array, got " + schemaTypeName(parsed));
        }
        if (type.minItems() != null && list.size() < type.minItems()) {
            throw ConversionException.invalid("Array must have at least " + type.minItems() + " items");
        }
        if (type.maxItems() != null && list.size() > type.maxItems()) {
            throw ConversionException.invalid("Array must have at most " + type.maxItems() + " items");
        }
        if (Boolean.TRUE.equals(type.uniqueItems())) {
            Set<String> seen = new HashSet<>();
            for (Object item : list) {
                seen.add(PythonText.str(item));
            }
            if (seen.size() != list.size()) {
                throw ConversionException.invalid("Array must contain unique items");
            }
        }
        List<Object> result = new ArrayList<>(list.size());
        for (Object item : list) {
            result.add(type.items() == null ? item : convert(item, type.items()));
        }
        return result;
    }

    private static Map<String, Object> object(Object value, TypeDefinition type) throws ConversionException {
        Object parsed = fromJsonText(value, "object");
        if (!(parsed instanceof Map<?, ?> map)) {
            throw ConversionException.invalid("Expected object, got " + schemaTypeName(parsed));
        }
        if (type.required() != null) {
            List<String> missing = type.required().stream().filter(k -> !map.containsKey(k)).toList();
            if (!missing.isEmpty()) {
                throw ConversionException.invalid("Missing required properties: " + String.join(", ", missing));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = PythonText.str(entry.getKey());
            TypeDefinition property = type.properties() == null ? null : type.properties().get(key);
            if (property != null) {
                result.put(key, convert(entry.getValue(), property));
            } else if (Boolean.FALSE.equals(type.additionalProperties())) {
                throw ConversionException.invalid("Unexpected property: " + key);
            } else {
                result.put(key, entry.getValue());
            }
        }
        return result;
    }

    /** The reference's schema-style name of a Python type ({@code str} → {@code string}, ...). */
    private static String schemaTypeName(Object value) {
        String python = PythonText.typeName(value);
        return switch (python) {
            case "str" -> "string";
            case "int" -> "integer";
            case "float" -> "number";
            case "bool" -> "boolean";
            case "list" -> "array";
            case "dict" -> "object";
            default -> python;
        };
    }
}
