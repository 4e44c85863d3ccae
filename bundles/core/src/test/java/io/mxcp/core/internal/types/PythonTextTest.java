package io.mxcp.core.internal.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The texts CPython prints for the same values (checked against Python 3.12). */
class PythonTextTest {
    private static final LocalDateTime TEN = LocalDateTime.of(2024, 1, 15, 10, 0);

    @Test
    void dateTimesInsideAListOrMapShowTheirRepr() {
        assertEquals("[datetime.datetime(2024, 1, 15, 10, 0), datetime.date(2024, 1, 15)]",
                PythonText.repr(List.of(TEN, TEN.toLocalDate())));
        assertEquals("{'t': datetime.datetime(2024, 1, 15, 10, 0, 5, 123000)}",
                PythonText.repr(Map.of("t", TEN.withSecond(5).withNano(123_000_000))));
        assertEquals("datetime.datetime(2024, 1, 15, 10, 0, 0, 5)", PythonText.repr(TEN.withNano(5_000)));
        assertEquals("datetime.datetime(2024, 1, 15, 10, 0, tzinfo=datetime.timezone.utc)",
                PythonText.repr(OffsetDateTime.of(TEN, ZoneOffset.UTC)));
        assertEquals("datetime.datetime(2024, 1, 15, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(days=-1, "
                + "seconds=82800)))", PythonText.repr(OffsetDateTime.of(TEN, ZoneOffset.ofHours(-1))));
        assertEquals("datetime.time(10, 0)", PythonText.repr(LocalTime.of(10, 0)));
    }

    @Test
    void durationsShowAsTimedeltas() {
        assertEquals("datetime.timedelta(seconds=5400)", PythonText.repr(Duration.ofMinutes(90)));
        assertEquals("datetime.timedelta(0)", PythonText.repr(Duration.ZERO));
        assertEquals("datetime.timedelta(days=-1, seconds=86399)", PythonText.repr(Duration.ofSeconds(-1)));
        assertEquals("datetime.timedelta(days=2, microseconds=7)", PythonText.repr(Duration.ofDays(2).plusNanos(7_000)));
    }

    @Test
    void bytesPrintAsPythonsBytesLiterals() {
        assertEquals("b'\\xc3\\xa9'", PythonText.str("é".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("b'\\xaa\\x00\\n\\xff'", PythonText.str(new byte[] {(byte) 0xaa, 0, '\n', (byte) 0xff}));
        assertEquals("b\"'\"", PythonText.str(new byte[] {'\''}));
        assertEquals("b'\\'\"'", PythonText.str(new byte[] {'\'', '"'}));
        assertEquals("b'a\\\\b\\t\\r'", PythonText.str(new byte[] {'a', '\\', 'b', '\t', '\r'}));
    }

    @Test
    void onTheirOwnTheyPrintAsStr() {
        assertEquals("2024-01-15 10:00:00", PythonText.str(TEN));
        assertEquals("2024-01-15", PythonText.str(LocalDate.of(2024, 1, 15)));
        assertEquals("it's", PythonText.str("it's"));
        assertEquals("[\"it's\", \"q'\"]", PythonText.str(List.of("it's", "q'")));
    }
}
