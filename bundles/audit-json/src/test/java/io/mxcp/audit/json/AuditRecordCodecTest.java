package io.mxcp.audit.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mxcp.sdk.audit.AuditRecord;

class AuditRecordCodecTest {

    private final AuditRecordCodec codec = new AuditRecordCodec();

    @Test
    void aFullRecordReadsBackEqualAndIsWrittenAgainByteForByte() throws Exception {
        AuditRecord record = SampleRecords.full();

        byte[] written = codec.encode(List.of(record));
        AuditRecord read = codec.decode(Arrays.copyOf(written, written.length - 1));

        assertEquals(record, read);
        assertArrayEquals(written, codec.encode(List.of(read)));
        assertTrue(new String(written, UTF_8).contains("\"city\":\"Zürich ✓ 日本 😀\""),
                "non-ASCII text is written as is");
    }

    @Test
    void writesSnakeCaseKeysInTheSchemaOrderAndNullsAsNull() throws Exception {
        AuditRecord record = new AuditRecord("mxcp.endpoints", 1, "r-1", Instant.parse("2026-01-15T10:30:45Z"),
                "tool", "greet", "error", 7, "stdio", null, null, null, Map.of("name", "Zoë"), null, "boom",
                List.of("input[0]: user.role == 'admin'"), "deny", "admins only", Map.of(), List.of(), null,
                "sha256:ab", null);

        assertEquals("{\"schema_name\":\"mxcp.endpoints\",\"schema_version\":1,\"record_id\":\"r-1\","
                + "\"timestamp\":\"2026-01-15T10:30:45Z\",\"operation_type\":\"tool\",\"operation_name\":\"greet\","
                + "\"operation_status\":\"error\",\"duration_ms\":7,\"caller_type\":\"stdio\",\"user_id\":null,"
                + "\"session_id\":null,\"trace_id\":null,\"input_data\":{\"name\":\"Zoë\"},\"output_data\":null,"
                + "\"error\":\"boom\",\"policies_evaluated\":[\"input[0]: user.role == 'admin'\"],"
                + "\"policy_decision\":\"deny\",\"policy_reason\":\"admins only\",\"business_context\":{},"
                + "\"execution_events\":[],\"prev_hash\":null,\"record_hash\":\"sha256:ab\",\"signature\":null}\n",
                new String(codec.encode(List.of(record)), UTF_8));
    }

    @Test
    void writesABatchAsOneLinePerRecord() throws Exception {
        Instant now = Instant.parse("2026-01-15T10:30:45Z");
        String lines = new String(codec.encode(List.of(record("a", now), record("b", now))),
                UTF_8);

        assertEquals(2, lines.split("\n", -1).length - 1);
        assertTrue(lines.startsWith("{\"schema_name\"") && lines.contains("}\n{\"schema_name\"")
                && lines.endsWith("}\n"), lines);
    }

    @Test
    void readsJsonValuesAsTheirPlainJavaKinds() {
        AuditRecord read = codec.decode(line("{\"schema_version\":2,\"timestamp\":\"2026-01-15T10:30:45+00:00\","
                + "\"duration_ms\":3000000000,\"input_data\":{\"b\":1,\"a\":3000000000,\"c\":1.5,\"d\":1e3,"
                + "\"e\":[true,null]}}"));

        assertEquals(2, read.schemaVersion());
        assertEquals(Instant.parse("2026-01-15T10:30:45Z"), read.timestamp());
        assertEquals(3_000_000_000L, read.durationMs());
        assertInstanceOf(LinkedHashMap.class, read.inputData());
        assertEquals(List.of("b", "a", "c", "d", "e"), List.copyOf(read.inputData().keySet()));
        assertInstanceOf(Integer.class, read.inputData().get("b"));
        assertInstanceOf(Long.class, read.inputData().get("a"));
        assertEquals(1.5, read.inputData().get("c"));
        assertEquals(1000.0, read.inputData().get("d"));
        assertInstanceOf(ArrayList.class, read.inputData().get("e"));
        assertEquals(Arrays.asList(true, null), read.inputData().get("e"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[1, 2]",
            "null",
            "{\"schema_version\":1,\"timestamp\":\"2026-01-15T10:30:45Z\",\"duration_ms\":1",
            "{\"schema_version\":1,\"timestamp\":\"2026-01-15T10:30:45Z\",\"duration_ms\":1} {}",
            "{\"schema_version\":1,\"duration_ms\":1}",
            "{\"schema_version\":1,\"timestamp\":\"yesterday\",\"duration_ms\":1}",
            "{\"schema_version\":\"1\",\"timestamp\":\"2026-01-15T10:30:45Z\",\"duration_ms\":1}",
            "{\"schema_version\":1,\"timestamp\":\"2026-01-15T10:30:45Z\",\"duration_ms\":1.5}",
            "{\"schema_version\":1,\"timestamp\":\"2026-01-15T10:30:45Z\",\"duration_ms\":1,\"user_id\":7}",
            "{\"schema_version\":1,\"timestamp\":\"2026-01-15T10:30:45Z\",\"duration_ms\":1,\"input_data\":[]}",
            "{\"schema_version\":1,\"timestamp\":\"2026-01-15T10:30:45Z\",\"duration_ms\":1,"
                    + "\"policies_evaluated\":[\"a\",null]}",
            "{\"schema_version\":1,\"timestamp\":\"2026-01-15T10:30:45Z\",\"duration_ms\":1,"
                    + "\"execution_events\":[1]}"})
    void rejectsALineThatIsNotARecord(String line) {
        assertThrows(IllegalArgumentException.class, () -> codec.decode(line(line)));
    }

    @Test
    void refusesAValueJsonCannotHoldNamingTheRecord() {
        AuditRecord record = new AuditRecord("mxcp.endpoints", 1, "r-9", Instant.EPOCH, "tool", "greet", "success",
                1, "http", null, null, null, Map.of("odd", new Object()), null, null, List.of(), null, null,
                Map.of(), List.of(), null, null, null);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.encode(List.of(record)));
        assertTrue(e.getMessage().startsWith("Audit record r-9 cannot be written as JSON"), e.getMessage());
    }

    @Test
    void writesOneRecordAsItsLineWithoutTheNewline() throws Exception {
        AuditRecord record = record("a", Instant.parse("2026-01-15T10:30:45Z"));
        byte[] batch = codec.encode(List.of(record));

        assertArrayEquals(Arrays.copyOf(batch, batch.length - 1), codec.encode(record));
        assertEquals(record, codec.decode(codec.encode(record)));
    }

    private static AuditRecord record(String id, Instant timestamp) {
        return new AuditRecord("mxcp.endpoints", 1, id, timestamp, "tool", "greet", "success", 12, "http", "alice",
                null, null, Map.of("name", id), "hi " + id, null, List.of(), "allow", null, Map.of(), List.of(),
                null, null, null);
    }

    private static byte[] line(String text) {
        return text.getBytes(UTF_8);
    }
}
