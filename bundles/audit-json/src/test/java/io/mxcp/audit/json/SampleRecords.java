package io.mxcp.audit.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.sdk.audit.AuditRecord;

/**
 * Records whose every field is set, with values that are easy to lose on the way to storage and back: non-ASCII
 * text (emoji, joined emoji), integers that fit an int and that do not, doubles, booleans, nulls inside lists and
 * maps, nested containers. Shared with the backends' tests (this module's test jar): a backend must read them back
 * equal, number types included, since the hash chain is checked on records read back.
 */
public final class SampleRecords {

    private SampleRecords() {
    }

    /** A resource call with every field of the record set. */
    public static AuditRecord full() {
        Map<String, Object> input = map(
                "city", "Zürich ✓ 日本 😀",
                "count", 3,
                "big", 3_000_000_000L,
                "ratio", 0.25,
                "flag", true,
                "nothing", null,
                "nested", map("z", 1, "a", list(map("deep", "\"quoted\"\n\tline", "empty", list()))));
        Object output = list(map("id", 1, "name", "Ünïcødé 👩‍💻", "score", 1.0E10), map("id", 2, "name", null));
        return new AuditRecord("mxcp.endpoints", 1, "0f8fad5b-d9cb-469f-a165-70867728950e",
                Instant.parse("2026-01-15T10:30:45.123456Z"), "resource", "data://cities/{name}", "success", 42L,
                "http", "alice", "session-1", "trace-1", input, output, null,
                List.of("input[0]: user.role == 'admin'", "output[0]: response.secret != null"), "warn",
                "masked 'secret'", map("tenant", "acme", "region", list("eu", "us")),
                list(map("type", "sql", "ms", 3), null, map("type", "http", "status", 200, "ok", false)),
                "sha256:aaaa", "sha256:bbbb", "sig");
    }

    /** A refused request of another schema, with every optional field left out. */
    public static AuditRecord sparse() {
        return new AuditRecord("mxcp.access", 2, "r-2", Instant.parse("2026-01-15T10:30:46Z"), "request", null,
                "error", 0, "stdio", null, null, null, null, null, "refused", null, null, null, null, null,
                "sha256:bbbb", "sha256:cccc", null);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @SafeVarargs
    private static <T> List<T> list(T... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
