package io.mxcp.core.internal.audit.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The six redaction strategies (spec 03 §3.5) and how a redaction finds its field. */
class FieldRedactionTest {

    @Test
    void fullReplacesAnyValue() {
        assertEquals("[REDACTED]", redact("full", Map.of(), "secret"));
        assertEquals("[REDACTED]", redact("full", Map.of(), List.of(1, 2)));
        assertEquals("[REDACTED]", redact("full", Map.of(), null));
    }

    @Test
    void partialShowsTheEndsOfLongEnoughValues() {
        assertEquals("41***11", redact("partial", Map.of(), "4111111111111111"));
        assertEquals("***1111", redact("partial", Map.of("show_first", 0, "show_last", 4), "4111111111111111"));
        assertEquals("4111***", redact("partial", Map.of("show_first", 4, "show_last", 0), "4111111111111111"));
        assertEquals("[REDACTED]", redact("partial", Map.of(), "short"), "shorter than min_length 8");
        assertEquals("ab***yz", redact("partial", Map.of("min_length", 0), "abcxyz"));
        assertEquals("12***78", redact("partial", Map.of(), 12345678L), "a number's text");
        assertEquals("é***ñ", redact("partial", Map.of("show_first", 1, "show_last", 1), "éabcdefgñ"),
                "characters, not bytes");
        assertEquals("[REDACTED]", redact("partial", Map.of(), null));
    }

    @Test
    void hashIsTheHexDigestOfPythonsTextOfTheValue() {
        // sha256("hello") and sha1("hello"), as hashlib gives them
        assertEquals("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                redact("hash", Map.of(), "hello"));
        assertEquals("sha1:aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", redact("hash", Map.of("algorithm", "sha1"),
                "hello"));
        assertEquals("#2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                redact("hash", Map.of("prefix", "#"), "hello"));
        // Python's str(True) and str(1.5): the same digests as the original's for the same values
        assertEquals(redact("hash", Map.of(), "True"), redact("hash", Map.of(), true));
        assertEquals(redact("hash", Map.of(), "1.5"), redact("hash", Map.of(), 1.5));
        assertEquals(redact("hash", Map.of(), "1.50"), redact("hash", Map.of(), new BigDecimal("1.50")));
        assertEquals("[REDACTED]", redact("hash", Map.of(), null));
        assertEquals(redact("hash", Map.of(), "hello"), fromRegistry("hash", Map.of("algorithm", "md5"), "hello"),
                "an algorithm other than sha1 in a registry hashes with sha256");
    }

    @Test
    void truncateCutsLongValuesOnly() {
        assertEquals("0123456789...", redact("truncate", Map.of(), "0123456789abc"));
        assertEquals("0123456789", redact("truncate", Map.of(), "0123456789"));
        assertEquals(42L, redact("truncate", Map.of(), 42L), "a short value stays as it is, of its type");
        assertEquals("ab…", redact("truncate", Map.of("length", 2, "suffix", "…"), "abc"));
    }

    @Test
    void emailKeepsTheDomain() {
        assertEquals("a***@example.com", redact("email", Map.of(), "ann.lee@example.com"));
        assertEquals("***@example.com", redact("email", Map.of(), "al@example.com"));
        assertEquals("[REDACTED]", redact("email", Map.of(), "no address"));
        assertEquals("[REDACTED]", redact("email", Map.of("preserve_domain", false), "ann@example.com"));
        assertEquals("[REDACTED]", redact("email", Map.of(), null));
    }

    @Test
    void preserveTypeKeepsTheJsonType() {
        assertEquals(false, redact("preserve_type", Map.of(), true));
        assertEquals(0L, redact("preserve_type", Map.of(), 37));
        assertEquals(0.0, redact("preserve_type", Map.of(), 3.5));
        assertEquals(List.of(), redact("preserve_type", Map.of(), List.of("a")));
        assertEquals(Map.of(), redact("preserve_type", Map.of(), Map.of("a", 1)));
        assertEquals("[REDACTED]", redact("preserve_type", Map.of(), "text"));
        assertEquals(null, redact("preserve_type", Map.of(), null));
    }

    @Test
    void aDotPathReachesIntoObjectsAndStopsAtAnythingElse() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("customer", new LinkedHashMap<>(Map.of("email", "ann@example.com", "name", "Ann")));
        input.put("items", List.of(Map.of("email", "x@example.com")));
        input.put("note", "n");
        FieldRedaction email = new FieldRedaction("customer.email", RedactionStrategy.EMAIL, Map.of());
        Object redacted = email.applyTo(input, RedactionContext.NONE);
        assertEquals(Map.of("customer", Map.of("email", "a***@example.com", "name", "Ann"), "items",
                List.of(Map.of("email", "x@example.com")), "note", "n"), redacted);
        assertEquals("ann@example.com", ((Map<?, ?>) input.get("customer")).get("email"), "the call's own value");
        for (String path : List.of("customer.phone", "note.text", "items.email", "missing.email")) {
            FieldRedaction absent = new FieldRedaction(path, RedactionStrategy.FULL, Map.of());
            assertEquals(input, absent.applyTo(input, RedactionContext.NONE), path);
        }
        assertEquals("plain", email.applyTo("plain", RedactionContext.NONE),
                "a value that is not an object is not walked");
    }

    private static Object redact(String strategy, Map<String, Object> options, Object value) {
        return ((Map<?, ?>) new FieldRedaction("v", RedactionStrategy.named(strategy), options)
                .applyTo(single(value), RedactionContext.NONE)).get("v");
    }

    private static Object fromRegistry(String strategy, Map<String, Object> options, Object value) {
        return ((Map<?, ?>) FieldRedaction.fromRegistry(Map.of("field_path", "v", "strategy", strategy, "options",
                options)).applyTo(single(value), RedactionContext.NONE)).get("v");
    }

    private static Map<String, Object> single(Object value) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("v", value);
        return object;
    }
}
