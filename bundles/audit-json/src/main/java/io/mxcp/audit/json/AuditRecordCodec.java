package io.mxcp.audit.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.mxcp.sdk.audit.AuditRecord;

/**
 * Audit records as JSON Lines: one UTF-8 object per line, snake_case keys in a fixed order, non-ASCII text as is.
 * Reading yields the values writing started from (objects as {@code LinkedHashMap} in file order, arrays as
 * {@code ArrayList}, integral numbers as {@code Integer} or {@code Long}, others as {@code Double}), so a record read
 * back is written again byte for byte, which the hash-chain check relies on. Shared by the audit backends, each of
 * which copies this package into its bundle; instances are safe to use from several threads.
 */
public final class AuditRecordCodec {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
            // whatever was written must read back: the reader's default limits (20 MB strings, 1000-digit numbers)
            // would skip a large result's record, and a chain check would take it for a removed one
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE).build())
            .build())
            // Jackson would otherwise write characters beyond the BMP (emoji) as escaped surrogate pairs.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * The records as lines, each ended by {@code \n}.
     *
     * @throws IllegalArgumentException naming the record when a data field holds a value JSON cannot represent, or
     *                                  the record has no timestamp
     */
    public byte[] encode(List<AuditRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.createGenerator(out)) {
            // Records are separated by the newline that ends each of them, not by Jackson's default space.
            json.setRootValueSeparator(null);
            for (AuditRecord record : records) {
                if (record.timestamp() == null) {
                    throw new IllegalArgumentException("Audit record " + record.recordId() + " has no timestamp");
                }
                try {
                    write(json, record);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("Audit record " + record.recordId()
                            + " cannot be written as JSON: " + e.getOriginalMessage(), e);
                }
                json.writeRaw('\n');
            }
        }
        return out.toByteArray();
    }

    /**
     * One record as its line, without the {@code \n}: for a store that keeps each record apart.
     *
     * @throws IllegalArgumentException as {@link #encode(List)}
     */
    public byte[] encode(AuditRecord record) throws IOException {
        byte[] line = encode(List.of(record));
        return Arrays.copyOf(line, line.length - 1);
    }

    private static void write(JsonGenerator json, AuditRecord record) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Object> field : record.fields().entrySet()) {
            json.writeFieldName(field.getKey());
            if (field.getValue() instanceof Instant timestamp) {
                json.writeString(AuditTimestamps.format(timestamp));
            } else {
                json.writeObject(field.getValue());
            }
        }
        json.writeEndObject();
    }

    /**
     * The record one line holds (without its {@code \n}).
     *
     * @throws IllegalArgumentException saying why when the line is not a record
     */
    public AuditRecord decode(byte[] line) {
        Map<String, Object> json;
        try {
            json = mapper.readValue(line, OBJECT);
        } catch (IOException e) {
            throw new IllegalArgumentException(e instanceof JsonProcessingException parse
                    ? parse.getOriginalMessage() : e.getMessage(), e);
        }
        if (json == null) {
            throw new IllegalArgumentException("null is not a record");
        }
        return new AuditRecord(
                text(json, "schema_name"),
                integer(json, "schema_version"),
                text(json, "record_id"),
                timestamp(json),
                text(json, "operation_type"),
                text(json, "operation_name"),
                text(json, "operation_status"),
                whole(json, "duration_ms"),
                text(json, "caller_type"),
                text(json, "user_id"),
                text(json, "session_id"),
                text(json, "trace_id"),
                object(json, "input_data"),
                json.get("output_data"),
                text(json, "error"),
                strings(json, "policies_evaluated"),
                text(json, "policy_decision"),
                text(json, "policy_reason"),
                object(json, "business_context"),
                objects(json, "execution_events"),
                text(json, "prev_hash"),
                text(json, "record_hash"),
                text(json, "signature"));
    }

    private static Instant timestamp(Map<String, Object> json) {
        String text = text(json, "timestamp");
        if (text == null) {
            throw new IllegalArgumentException("timestamp is missing");
        }
        try {
            return AuditTimestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp is not an ISO-8601 date and time: " + text, e);
        }
    }

    private static String text(Map<String, Object> json, String key) {
        return optional(String.class, json, key, "a string");
    }

    private static int integer(Map<String, Object> json, String key) {
        // Jackson reads every integral number that fits an int as an Integer.
        if (json.get(key) instanceof Integer value) {
            return value;
        }
        throw new IllegalArgumentException(key + " is not an int: " + json.get(key));
    }

    private static long whole(Map<String, Object> json, String key) {
        Object value = json.get(key);
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException(key + " is not a whole number: " + value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> json, String key) {
        return optional(Map.class, json, key, "an object");
    }

    private static List<String> strings(Map<String, Object> json, String key) {
        return listOf(json, key, String.class::isInstance, "strings");
    }

    private static List<Map<String, Object>> objects(Map<String, Object> json, String key) {
        // Unlike the rule list, the record lets its event list hold nulls, so they must read back too.
        return listOf(json, key, element -> element == null || element instanceof Map, "objects");
    }

    /** The array at {@code key}, or null; fails unless every element passes {@code element}. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> listOf(Map<String, Object> json, String key, Predicate<Object> element,
            String elements) {
        List<Object> list = optional(List.class, json, key, "an array");
        if (list != null && !list.stream().allMatch(element)) {
            throw new IllegalArgumentException(key + " is not an array of " + elements + ": " + list);
        }
        return (List<T>) list;
    }

    private static <T> T optional(Class<T> type, Map<String, Object> json, String key, String expected) {
        Object value = json.get(key);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException(key + " is not " + expected + ": " + value);
        }
        return type.cast(value);
    }
}
