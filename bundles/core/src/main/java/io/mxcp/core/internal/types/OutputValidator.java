package io.mxcp.core.internal.types;

import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.mxcp.core.model.TypeDefinition;

/** Checks a shaped result against the return type (spec 01 §3.6). */
public final class OutputValidator {

    private OutputValidator() {
    }

    public static void validate(Object value, TypeDefinition returns) throws OutputException {
        try {
            check(value, returns);
        } catch (ConversionException e) {
            throw new OutputException("Output validation failed: " + e.getMessage());
        }
    }

    private static void check(Object value, TypeDefinition type) throws ConversionException {
        if (value == null) {
            return;
        }
        switch (type.type()) {
            case "string" -> string(value, type);
            case "number" -> {
                if (!(value instanceof Number) ) {
                    throw mismatch("number", value);
                }
                NumberConstraints.checkRange(((Number) value).doubleValue(), type);
            }
            case "integer" -> {
                if (!isInteger(value)) {
                    throw mismatch("integer", value);
                }
                NumberConstraints.checkRange(((Number) value).doubleValue(), type);
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    throw mismatch("boolean", value);
                }
            }
            case "array" -> array(value, type);
            case "object" -> object(value, type);
            default -> {
                // the parser admits only the six types above
            }
        }
    }

    private static void string(Object value, TypeDefinition type) throws ConversionException {
        if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof OffsetDateTime
                || value instanceof LocalTime || value instanceof Duration) {
            return;
        }
        if (!(value instanceof String text)) {
            throw mismatch("string", value);
        }
        if (type.format() != null) {
            StringFormats.check(type.format(), text);
        }
        int length = text.codePointCount(0, text.length());
        if (type.minLength() != null && length < type.minLength()) {
            throw ConversionException.invalid("String must be at least " + type.minLength() + " characters long");
        }
        if (type.maxLength() != null && length > type.maxLength()) {
            throw ConversionException.invalid("String must be at most " + type.maxLength() + " characters long");
        }
    }

    private static void array(Object value, TypeDefinition type) throws ConversionException {
        if (!(value instanceof List<?> list)) {
            throw mismatch("array", value);
        }
        if (type.minItems() != null && list.size() < type.minItems()) {
            throw ConversionException.invalid("Array must have at least " + type.minItems() + " items");
        }
        if (type.maxItems() != null && list.size() > type.maxItems()) {
            throw ConversionException.invalid("Array must have at most " + type.maxItems() + " items");
        }
        if (type.items() == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            try {
                check(list.get(i), type.items());
            } catch (ConversionException e) {
                throw ConversionException.invalid("Array item " + i + ": " + e.getMessage());
            }
        }
    }

    private static void object(Object value, TypeDefinition type) throws ConversionException {
        if (!(value instanceof Map<?, ?> map)) {
            throw mismatch("object", value);
        }
        if (type.required() != null) {
            List<String> missing = type.required().stream().filter(k -> !map.containsKey(k)).toList();
            if (!missing.isEmpty()) {
                throw ConversionException.invalid("Missing required properties: " + String.join(", ", missing));
            }
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            TypeDefinition property = type.properties() == null ? null : type.properties().get(key);
            if (property != null) {
                try {
                    check(entry.getValue(), property);
                } catch (ConversionException e) {
                    throw ConversionException.invalid("Property '" + key + "': " + e.getMessage());
                }
            } else if (Boolean.FALSE.equals(type.additionalProperties())) {
                throw ConversionException.invalid("Unexpected property: " + key);
            }
        }
    }

    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte;
    }

    private static ConversionException mismatch(String expected, Object value) {
        return ConversionException.invalid("Expected " + expected + ", got " + PythonText.typeName(value));
    }
}
