package io.mxcp.core.internal.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.mxcp.core.internal.discovery.TypeDefinitions;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.TypeDefinition;

/** Spec 01 appendix B: the reference validator's input and output vectors. */
class ConformanceVectorsTest {

    private static final Object ABSENT = new Object();

    static Stream<Arguments> inputVectors() {
        return Stream.of(
                ok("I1", "type: integer", "42", 42L),
                ok("I2", "type: integer", 12.9, 12L),
                err("I3", "type: integer", "12.5", "Error validating parameter 'p': Expected integer, got str"),
                ok("I4", "type: integer", true, 1L),
                ok("I5", "type: integer", " 1_000 ", 1000L),
                err("I6", "{type: integer, minimum: 1, maximum: 10}", 11, "Error validating parameter 'p': Value must be <= 10.0"),
                err("I7", "{type: integer, minimum: 1, multipleOf: 5}", 7, "Error validating parameter 'p': Value must be multiple of 5.0"),
                err("I8", "{type: number, exclusiveMinimum: 0}", 0, "Error validating parameter 'p': Value must be > 0.0"),
                err("I9", "type: number", "abc", "Error validating parameter 'p': Expected number, got str"),
                ok("I10", "type: number", "1e3", 1000.0),
                ok("I11a", "type: boolean", "yes", false),
                ok("I11b", "type: boolean", "1", false),
                ok("I12a", "type: boolean", "TRUE", true),
                ok("I12b", "type: boolean", 0, false),
                ok("I13", "type: string", 5, "5"),
                err("I14", "{type: string, maxLength: 3}", "abcd", "Error validating parameter 'p': String must be at most 3 characters long"),
                err("I15", "{type: string, minLength: 2}", 5, "object of type 'int' has no len()"),
                err("I16", "{type: string, format: email}", "bad", "Error validating parameter 'p': Invalid email format: bad"),
                ok("I17", "{type: string, format: email, maxLength: 3}", "a@b.cd", "a@b.cd"),
                ok("I18", "{type: string, format: date}", "2024-1-5", LocalDate.of(2024, 1, 5)),
                err("I19", "{type: string, format: date}", "not-a-date", "time data 'not-a-date' does not match format '%Y-%m-%d'"),
                err("I20", "{type: string, format: date}", 20240101, "Error validating parameter 'p': Expected string for date format, got int"),
                ok("I21", "{type: string, format: date-time}", "2024-01-15T10:30:00Z",
                        OffsetDateTime.of(2024, 1, 15, 10, 30, 0, 0, ZoneOffset.UTC)),
                err("I22", "{type: string, format: time}", "10:30", "time data '10:30' does not match format '%H:%M:%S'"),
                err("I23", "{type: string, format: timestamp}", "abc", "Error validating parameter 'p': Invalid timestamp: abc"),
                err("I24", "{type: string, format: duration}", "P1W", "Error validating parameter 'p': Invalid duration format: P1W"),
                err("I25", "{type: string, format: uri}", "example.com", "Error validating parameter 'p': Invalid URI format: example.com"),
                err("I26", "{type: string, enum: [a, b]}", "c", "Invalid value for p. Must be one of: ['a', 'b']"),
                err("I27", "{type: integer, enum: [1, 2]}", "2", "Invalid value for p. Must be one of: [1, 2]"),
                ok("I28", "{type: integer, enum: [1, 2]}", 2.0, 2L),
                ok("I29", "{type: array, items: {type: integer}}", "[1,\"2\"]", List.of(1L, 2L)),
                err("I30", "type: array", "not json", "Error validating parameter 'p': Invalid JSON array: not json"),
                err("I31", "type: array", Map.of("a", 1), "Error validating parameter 'p': Expected array, got object"),
                err("I32", "{type: array, uniqueItems: true}", List.of(1, "1"), "Error validating parameter 'p': Array must contain unique items"),
                err("I33", "{type: array, minItems: 2}", List.of(1), "Error validating parameter 'p': Array must have at least 2 items"),
                err("I34", "{type: array, items: {type: integer}}", List.of(1, "x"), "Error validating parameter 'p': Expected integer, got str"),
                err("I35", "{type: object, required: [a]}", Map.of(), "Error validating parameter 'p': Missing required properties: a"),
                err("I36", "{type: object, properties: {a: {type: integer}}, additionalProperties: false}", ordered("a", "1", "b", 2),
                        "Error validating parameter 'p': Unexpected property: b"),
                ok("I37", "{type: object, properties: {a: {type: integer}}}", ordered("a", "1", "b", 2), ordered("a", 1L, "b", 2)),
                ok("I38", "type: object", "{\"x\": 1}", Map.of("x", 1)),
                err("I39", "type: object", 5, "Error validating parameter 'p': Expected object, got integer"),
                ok("I40", "type: string", null, null),
                ok("I41", "{type: object, properties: {a: {type: string, enum: [x]}}}", Map.of("a", "zzz"), Map.of("a", "zzz")),
                ok("I42", "{type: string, default: null}", ABSENT, null),
                err("I43", "type: string", ABSENT, "Required parameter missing: p"),
                // beyond appendix B: what Python 3.11's datetime.fromisoformat accepts and refuses
                ok("X-dt-hour-offset", "{type: string, format: date-time}", "2024-01-15T10:30:00+05",
                        OffsetDateTime.of(2024, 1, 15, 10, 30, 0, 0, ZoneOffset.ofHours(5))),
                ok("X-dt-space-offset", "{type: string, format: date-time}", "2024-01-15T10:30:00 -05:30",
                        OffsetDateTime.of(2024, 1, 15, 10, 30, 0, 0, ZoneOffset.ofHoursMinutes(-5, -30))),
                ok("X-dt-week", "{type: string, format: date-time}", "2024-W03-1T10:00", LocalDateTime.of(2024, 1, 15, 10, 0)),
                ok("X-dt-week-basic", "{type: string, format: date-time}", "2024W032", LocalDateTime.of(2024, 1, 16, 0, 0)),
                err("X-dt-week-8", "{type: string, format: date-time}", "2024-W03-8", "Invalid isoformat string: '2024-W03-8'"),
                err("X-dt-hour", "{type: string, format: date-time}", "2024-01-15T25:00", "hour must be in 0..23"),
                err("X-dt-month", "{type: string, format: date-time}", "2024-13-01", "month must be in 1..12"),
                err("X-dt-day", "{type: string, format: date-time}", "2024-02-30", "day is out of range for month"),
                err("X-dt-year0", "{type: string, format: date-time}", "0000-01-01T00:00:00", "year 0 is out of range"),
                err("X-date-year0", "{type: string, format: date}", "0000-12-31", "year 0 is out of range"),
                // beyond appendix B: what Python's datetime.fromtimestamp refuses (the original fails these calls)
                err("X-ts-nan", "{type: string, format: timestamp}", "nan", "Error validating parameter 'p': Invalid timestamp: nan"),
                err("X-ts-inf", "{type: string, format: timestamp}", "-inf", "Error validating parameter 'p': Invalid timestamp: -inf"),
                err("X-ts-far", "{type: string, format: timestamp}", 1e20, "Error validating parameter 'p': Invalid timestamp: 1e+20"),
                err("X-ts-10000", "{type: string, format: timestamp}", "253402300800", "Error validating parameter 'p': Invalid timestamp: 253402300800"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputVectors")
    void inputConversion(String id, String schema, Object raw, Object expected, String error) throws Exception {
        List<ParameterDefinition> parameters = List.of(new ParameterDefinition("p", TypeDefinitions.parse(schema)));
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (raw != ABSENT) {
            arguments.put("p", raw);
        }
        if (error != null) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                    () -> ArgumentValidator.validate(parameters, arguments));
            assertEquals(error, e.getMessage());
        } else {
            assertEquals(expected, ArgumentValidator.validate(parameters, arguments).get("p"));
        }
    }

    @org.junit.jupiter.api.Test
    void unknownParameterIsRejected() throws Exception {
        List<ParameterDefinition> parameters = List.of(new ParameterDefinition("p", TypeDefinitions.parse("{type: string, default: x}")));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> ArgumentValidator.validate(parameters, Map.of("q", 1)));
        assertEquals("Unknown parameter: q", e.getMessage());
    }

    static Stream<Arguments> outputVectors() {
        return Stream.of(
                err("O1", "type: integer", 3.0, "Output validation failed: Expected integer, got float"),
                ok("O2", "type: number", 3, 3),
                err("O3", "type: number", true, "Output validation failed: Expected number, got bool"),
                err("O4", "type: string", 5, "Output validation failed: Expected string, got int"),
                ok("O5", "type: string", LocalDate.of(2024, 1, 2), "2024-01-02"),
                err("O6", "{type: string, format: email}", "x", "Output validation failed: Invalid email format: x"),
                ok("O7", "{type: string, format: date}", "garbage", "garbage"),
                err("O8", "type: boolean", 1, "Output validation failed: Expected boolean, got int"),
                err("O9", "{type: array, items: {type: object, properties: {a: {type: integer}}}}",
                        List.of(Map.of("a", 1), Map.of("a", "x")),
                        "Output validation failed: Array item 1: Property 'a': Expected integer, got str"),
                err("O10", "{type: object, properties: {a: {type: object, required: [b]}}}", Map.of("a", Map.of()),
                        "Output validation failed: Property 'a': Missing required properties: b"),
                ok("O11", "{type: object, required: [a]}", ordered("a", null), ordered("a", null)),
                ok("O12", "{type: string, enum: [x]}", "y", "y"),
                ok("O13", "{type: object, properties: {d: {type: string}}}", Map.of("d", LocalDateTime.of(2024, 1, 2, 3, 4, 5)),
                        Map.of("d", "2024-01-02T03:04:05")),
                err("O14", "{type: array, maxItems: 1}", List.of(1, 2), "Output validation failed: Array must have at most 1 items"),
                err("O15", "type: object", "x", "Output validation failed: Expected object, got str"),
                err("O16", "type: object", List.of(1), "Output validation failed: Expected object, got int"),
                // a decimal (a Python Decimal, a DECIMAL inside a STRUCT) keeps its digits: no double in between
                ok("X-decimal", "{type: object, properties: {amount: {type: number}}}",
                        Map.of("amount", new BigDecimal("12345678901234567890.10")),
                        Map.of("amount", new BigDecimal("12345678901234567890.10"))),
                // NaN (quirk A7) and the infinities, which JSON cannot carry either, come out as null
                ok("A7", "{type: array, items: {type: number}}", List.of(Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, 1.5, Float.POSITIVE_INFINITY), Arrays.asList(null, null, null, 1.5, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputVectors")
    void outputValidation(String id, String schema, Object value, Object expected, String error) throws Exception {
        TypeDefinition returns = TypeDefinitions.parse(schema);
        if (error != null) {
            OutputException e = assertThrows(OutputException.class, () -> {
                Object shaped = OutputShaper.shape(value, returns);
                OutputValidator.validate(shaped, returns);
            });
            assertEquals(error, e.getMessage());
        } else {
            Object shaped = OutputShaper.shape(value, returns);
            OutputValidator.validate(shaped, returns);
            assertEquals(expected, ValueSerializer.serialize(shaped));
        }
    }

    private static Arguments ok(String id, String schema, Object raw, Object expected) {
        return Arguments.of(id, schema, raw, expected, null);
    }

    private static Arguments err(String id, String schema, Object raw, String error) {
        return Arguments.of(id, schema, raw, null, error);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
