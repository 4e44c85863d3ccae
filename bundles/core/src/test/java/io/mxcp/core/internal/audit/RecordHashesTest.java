package io.mxcp.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.sdk.audit.AuditRecord;

/** The hash of a record survives what a backend does to it: JSON out and back in. */
class RecordHashesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNormalisedRecordHashesTheSameOnceItsDataWentThroughJson() throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("price", new BigDecimal("1.50"));
        input.put("ratio", 0.25f);
        input.put("count", (short) 3);
        input.put("big", new BigInteger("123456789012345678901234567890"));
        input.put("day", LocalDate.of(2026, 1, 2));
        input.put("nested", Map.of(7, List.of(new BigDecimal("2.0"), "x")));
        AuditRecord normalized = RecordHashes.normalized(record(input, List.of(Map.of("total", new BigDecimal("9.90")))));
        String hash = RecordHashes.hash(normalized);

        Map<String, Object> readInput = JSON.readValue(JSON.writeValueAsBytes(normalized.inputData()),
                new TypeReference<>() { });
        Object readOutput = JSON.readValue(JSON.writeValueAsBytes(normalized.outputData()), Object.class);
        assertEquals(hash, RecordHashes.hash(record(readInput, readOutput)));
        assertEquals(1.5, normalized.inputData().get("price"));
    }

    @Test
    void anyChangeOfContentOrLinkChangesTheHash() {
        AuditRecord record = RecordHashes.normalized(record(Map.of("a", 1), null));
        String hash = RecordHashes.hash(record);
        assertEquals(hash, RecordHashes.hash(record.chained(null, "sha256:ignored")), "the hash field is not hashed");
        assertNotEquals(hash, RecordHashes.hash(record.chained("sha256:previous", null)));
        assertNotEquals(hash, RecordHashes.hash(RecordHashes.normalized(record(Map.of("a", 2), null))));
    }

    @Test
    void aRecordWhoseDataJsonCannotHoldKeepsItsFactsAndSaysWhy() {
        Object deep = "bottom";
        for (int i = 0; i < 1500; i++) {
            deep = List.of(deep);
        }
        AuditRecord linked = RecordHashes.linked(record(Map.of("a", 1), deep), "sha256:previous");
        assertEquals("sha256:previous", linked.prevHash());
        assertEquals(null, linked.outputData());
        assertTrue(String.valueOf(linked.inputData().get("unrecorded")).contains("nesting depth"),
                linked.inputData()::toString);
        assertEquals(RecordHashes.hash(linked), linked.recordHash(), "the stand-in is chained like any record");
    }

    private static AuditRecord record(Map<String, Object> input, Object output) {
        return new AuditRecord("mxcp.endpoints", 2, "id-1", Instant.parse("2026-01-02T03:04:05.123456Z"), "tool", "t",
                "success", 3, "http", null, null, null, input, output, null, List.of(), null, null,
                Map.of("operation_type", "tool"), List.of(), null, null, null);
    }
}
