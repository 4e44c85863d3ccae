package io.mxcp.executor.python.runtime;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values between Java and Python as JSON text: JSON's own types as they are, and the value contract's other types
 * (dates, times, decimals, big integers, durations, UUIDs, bytes, non-finite doubles) as tagged objects
 * {@code {"__mxcp_type__": kind, "v": text}} that {@code _mxcp_bridge.py} reads and writes the same way. One
 * string crosses the polyglot boundary per call instead of one interop call per value.
 */
public final class ValueCodec {

    static final String TAG = "__mxcp_type__";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * This bundle's own mapper: no shared Jackson cache keeps a reference to it (HOTSWAP.md rule 9). A result's
     * strings have no length limit (the original has none; Jackson's default stops at 20 million characters).
     */
    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build());

    public String encode(Object value) {
        try {
            return mapper.writeValueAsString(node(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot pass a value to Python: " + e.getMessage(), e);
        }
    }

    public Object decode(String json) {
        try {
            return value(mapper.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read a value from Python: " + e.getMessage(), e);
        }
    }

    private static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? NODES.numberNode(d) : tagged("float", Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf");
        }
        if (value instanceof BigInteger i) {
            return tagged("int", i.toString());
        }
        if (value instanceof BigDecimal d) {
            return tagged("decimal", d.toPlainString());
        }
        if (value instanceof LocalDate d) {
            return tagged("date", d.toString());
        }
        if (value instanceof LocalTime t) {
            return tagged("time", t.toString());
        }
        if (value instanceof LocalDateTime t) {
            return tagged("datetime", t.toString());
        }
        if (value instanceof OffsetDateTime t) {
            return tagged("datetime", t.toString());
        }
        if (value instanceof Duration d) {
            return tagged("timedelta", Long.toString(d.toNanos() / 1000));
        }
        if (value instanceof UUID u) {
            return tagged("uuid", u.toString());
        }
        if (value instanceof byte[] bytes) {
            return tagged("bytes", Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), node(v)));
            return object;
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(node(item)));
            return array;
        }
        if (value instanceof Object[] items) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : items) {
                array.add(node(item));
            }
            return array;
        }
        return NODES.textNode(value.toString());
    }

    private static ObjectNode tagged(String kind, String text) {
        ObjectNode node = NODES.objectNode();
        node.put(TAG, kind);
        node.put("v", text);
        return node;
    }

    private static Object value(JsonNode node) {
        switch (node.getNodeType()) {
            case NULL, MISSING:
                return null;
            case BOOLEAN:
                return node.booleanValue();
            case STRING:
                return node.textValue();
            case NUMBER:
                if (node.isIntegralNumber()) {
                    return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
                }
                return node.doubleValue();
            case ARRAY:
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(item -> list.add(value(item)));
                return list;
            case OBJECT:
                return node.has(TAG) ? taggedValue(node.get(TAG).asText(), node.get("v").asText()) : map(node);
            default:
                throw new IllegalArgumentException("unexpected JSON value from Python: " + node);
        }
    }

    private static Map<String, Object> map(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), value(field.getValue()));
        }
        return map;
    }

    private static Object taggedValue(String kind, String text) {
        return switch (kind) {
            case "int" -> new BigInteger(text);
            case "float" -> switch (text) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
            case "decimal" -> decimal(text);
            case "date" -> LocalDate.parse(text);
            case "time" -> LocalTime.parse(text);
            case "datetime" -> dateTime(text);
            case "timedelta" -> Duration.of(Long.parseLong(text), ChronoUnit.MICROS);
            case "uuid" -> UUID.fromString(text);
            case "bytes" -> Base64.getDecoder().decode(text);
            default -> throw new IllegalArgumentException("unknown tagged value from Python: " + kind);
        };
    }

    /**
     * A Decimal's {@code str()}; its special values ({@code NaN}, {@code sNaN}, {@code Infinity}, {@code -Infinity}),
     * which BigDecimal has no form for, as the double of the same meaning (results print them as null, as float NaN).
     */
    private static Object decimal(String text) {
        return switch (text) {
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            case "NaN", "-NaN", "sNaN", "-sNaN" -> Double.NaN;
            default -> new BigDecimal(text);
        };
    }

    /** Python's isoformat: naive ({@code 2024-01-15T10:00:00}) or with an offset ({@code ...+02:00}). */
    private static Object dateTime(String text) {
        int timeStart = text.indexOf('T');
        boolean hasOffset = text.indexOf('+', timeStart) > 0 || text.indexOf('-', timeStart) > 0 || text.endsWith("Z");
        return hasOffset ? OffsetDateTime.parse(text) : LocalDateTime.parse(text);
    }
}
