package io.mxcp.executor.sql.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Roughly how many bytes of Java heap a mapped value holds: within about a fifth for the usual column types on a
 * 64-bit JVM with compressed references (heaps under 32 GB) and one-byte (Latin-1) strings; text outside Latin-1 takes
 * up to twice what is counted. Good enough to stop a result long before it fills the heap.
 */
final class Footprint {

    private static final long OBJECT = 16;
    private static final long STRING = 40;
    private static final long BIG_NUMBER = 48;
    private static final long DATE_TIME = 72;
    private static final long ARRAY_LIST = 40;
    private static final long REFERENCE = 4;
    private static final long LINKED_HASH_MAP = 72;
    private static final long MAP_ENTRY = 48;

    private Footprint() {
    }

    /** A result row's map without its values; the column names are shared by every row and not counted. */
    static long ofRowMap(int columns) {
        return ofMapStructure(columns);
    }

    static long of(Object value) {
        return switch (value) {
            case null -> 0;
            case String s -> STRING + s.length();
            case byte[] bytes -> OBJECT + bytes.length;
            case BigDecimal ignored -> BIG_NUMBER;
            case BigInteger ignored -> BIG_NUMBER;
            case Temporal ignored -> DATE_TIME;
            case UUID ignored -> 32;
            case List<?> list -> ofList(list);
            case Map<?, ?> map -> ofMap(map);
            default -> OBJECT + 8;
        };
    }

    private static long ofList(List<?> list) {
        long bytes = ARRAY_LIST + REFERENCE * list.size();
        for (Object item : list) {
            bytes += of(item);
        }
        return bytes;
    }

    private static long ofMap(Map<?, ?> map) {
        long bytes = ofMapStructure(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            bytes += of(entry.getKey()) + of(entry.getValue());
        }
        return bytes;
    }

    /** The map object, its table (sized for the entries at the default load factor) and one node per entry. */
    private static long ofMapStructure(int entries) {
        return LINKED_HASH_MAP + OBJECT + REFERENCE * 2L * entries + MAP_ENTRY * entries;
    }
}
