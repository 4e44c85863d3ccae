package io.mxcp.executor.python.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ValueCodecTest {

    private final ValueCodec codec = new ValueCodec();

    @Test
    void valueContractTypesSurviveARoundTrip() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("date", LocalDate.of(2024, 1, 15));
        value.put("time", LocalTime.of(10, 30, 5));
        value.put("naive", LocalDateTime.of(2024, 1, 15, 10, 0, 1));
        value.put("aware", OffsetDateTime.of(2024, 1, 15, 10, 0, 1, 0, ZoneOffset.ofHours(2)));
        value.put("decimal", new BigDecimal("1.50"));
        value.put("big", new BigInteger("123456789012345678901234567890"));
        value.put("interval", Duration.ofSeconds(90, 5000));
        value.put("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        value.put("list", List.of(1L, 2.5, "x", true));
        value.put("none", null);
        value.put("nan", Double.NaN);

        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) codec.decode(codec.encode(value));

        assertEquals(value, back);
        assertEquals(List.copyOf(value.keySet()), List.copyOf(back.keySet()), "key order kept");
    }

    @Test
    void pythonIsoFormatsAndTaggedValuesAreRead() {
        assertEquals(OffsetDateTime.of(2024, 1, 15, 0, 0, 0, 0, ZoneOffset.UTC),
                codec.decode("{\"__mxcp_type__\": \"datetime\", \"v\": \"2024-01-15T00:00:00+00:00\"}"));
        assertEquals(LocalDateTime.of(2024, 1, 15, 10, 0, 0, 123_000),
                codec.decode("{\"__mxcp_type__\": \"datetime\", \"v\": \"2024-01-15T10:00:00.000123\"}"));
        assertEquals(Double.NEGATIVE_INFINITY, codec.decode("{\"__mxcp_type__\": \"float\", \"v\": \"-inf\"}"));
        assertEquals(new BigDecimal("0.10"), codec.decode("{\"__mxcp_type__\": \"decimal\", \"v\": \"0.10\"}"));
        assertEquals(Double.NaN, codec.decode("{\"__mxcp_type__\": \"decimal\", \"v\": \"NaN\"}"),
                "a Decimal's special values have no BigDecimal form");
        assertEquals(Double.NEGATIVE_INFINITY, codec.decode("{\"__mxcp_type__\": \"decimal\", \"v\": \"-Infinity\"}"));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) codec.decode("{\"__mxcp_type__\": \"bytes\", \"v\": \"AQI=\"}"));
        assertEquals(3L, codec.decode("3"));
        assertEquals(3.0, codec.decode("3.0"));
        assertNull(codec.decode("null"));
    }
}
