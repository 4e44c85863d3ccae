package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.mxcp.sdk.audit.AuditRecord;

/**
 * The hash chain of audit records (spec 03 §3, ours): each record's hash covers its canonical form — every field but
 * the hash and signature, keys sorted at every level — including the hash of the record before it, so editing,
 * removing or reordering a record breaks the chain at that point.
 */
final class RecordHashes {

    private static final String PREFIX = "sha256:";
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    /** Keeps the keys' order, so the log shows arguments and results as the call had them. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordHashes() {
    }

    /**
     * The record with its data fields as any backend reads them back from JSON (e.g. decimals become doubles), so
     * that a hash computed now still matches the record once read from the log.
     */
    static AuditRecord normalized(AuditRecord record) {
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) jsonModel(record.inputData());
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) jsonModel(record.businessContext());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) jsonModel(record.executionEvents());
        return new AuditRecord(record.schemaName(), record.schemaVersion(), record.recordId(), record.timestamp(),
                record.operationType(), record.operationName(), record.operationStatus(), record.durationMs(),
                record.callerType(), record.userId(), record.sessionId(), record.traceId(), input,
                jsonModel(record.outputData()), record.error(), record.policiesEvaluated(), record.policyDecision(),
                record.policyReason(), context, events, record.prevHash(), record.recordHash(), record.signature());
    }

    /**
     * The record, normalised, after the record whose hash is {@code prevHash}, with its own hash. A record whose data
     * cannot be written as JSON at all (nested deeper than JSON writers allow, say) keeps its facts and says why its
     * data is missing, rather than holding up every record after it.
     */
    static AuditRecord linked(AuditRecord record, String prevHash) {
        AuditRecord normalized = normalized(record).chained(prevHash, null);
        try {
            return normalized.chained(prevHash, hash(normalized));
        } catch (IllegalStateException e) {
            AuditRecord stub = withoutData(normalized, e.getMessage());
            return stub.chained(prevHash, hash(stub));
        }
    }

    private static AuditRecord withoutData(AuditRecord record, String why) {
        return new AuditRecord(record.schemaName(), record.schemaVersion(), record.recordId(), record.timestamp(),
                record.operationType(), record.operationName(), record.operationStatus(), record.durationMs(),
                record.callerType(), record.userId(), record.sessionId(), record.traceId(),
                Map.of("unrecorded", why), null, record.error(), record.policiesEvaluated(), record.policyDecision(),
                record.policyReason(), Map.of(), List.of(), record.prevHash(), null, record.signature());
    }

    /** {@code sha256:<hex>} of the record's canonical form. */
    static String hash(AuditRecord record) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(canonicalFields(record));
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash audit record " + record.recordId() + ": " + e.getMessage(), e);
        }
    }

    /** Every field but the hash and the signature, keys sorted, the timestamp as ISO-8601 text. */
    private static Map<String, Object> canonicalFields(AuditRecord record) {
        Map<String, Object> fields = new TreeMap<>(record.fields());
        fields.remove("record_hash");
        fields.remove("signature");
        fields.put("timestamp", record.timestamp().toString());
        return fields;
    }

    /**
     * The value as JSON reads it back, as far as its JSON text can differ: a decimal becomes the double it is read as
     * (1.50 is written 1.5 again); numbers that print the same (an int read back as a long) are left as they are. A
     * value of another type makes the round trip through JSON; what JSON cannot carry is kept as its text.
     */
    private static Object jsonModel(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean flag -> flag;
            case Integer number -> number;
            case Long number -> number;
            case Double number -> number;
            case BigDecimal number -> number.doubleValue();
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put(String.valueOf(key), jsonModel(item)));
                yield copy;
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(jsonModel(item)));
                yield copy;
            }
            default -> throughJson(value);
        };
    }

    private static Object throughJson(Object value) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(value), Object.class);
        } catch (IOException e) {
            return String.valueOf(value);
        }
    }
}
