package io.mxcp.executor.python.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;

import org.duckdb.DuckDBColumnType;
import org.junit.jupiter.api.Test;

/** A UDF's result reaches SQL as its declared type, or fails the statement when it does not fit. */
class SqlResultsTest {

    @Test
    void resultsThatFitTheirTypePass() {
        assertEquals(5, SqlResults.as("big_pp", 5L, DuckDBColumnType.INTEGER));
        assertEquals(5_000_000_000_000L, SqlResults.as("big_pp", 5_000_000_000_000L, DuckDBColumnType.BIGINT));
        assertEquals(2.0, SqlResults.as("big_pp", 2L, DuckDBColumnType.DOUBLE));
        assertEquals(true, SqlResults.as("big_pp", true, DuckDBColumnType.BOOLEAN));
        assertEquals("7", SqlResults.as("big_pp", 7L, DuckDBColumnType.VARCHAR));
        assertEquals("True", SqlResults.as("big_pp", true, DuckDBColumnType.VARCHAR), "str(True)");
    }

    @Test
    void resultsThatDoNotFitFailInsteadOfBeingCutToSize() {
        assertEquals("UDF big_pp returned 5000000000000, which does not fit its return type INTEGER: out of its range",
                assertThrows(UdfFailure.class,
                        () -> SqlResults.as("big_pp", 5_000_000_000_000L, DuckDBColumnType.INTEGER)).getMessage());
        assertEquals("UDF big_pp returned 'not an int', which does not fit its return type INTEGER: not an int",
                assertThrows(UdfFailure.class,
                        () -> SqlResults.as("big_pp", "not an int", DuckDBColumnType.INTEGER)).getMessage(),
                "a str as Python shows it");
        assertEquals("UDF big_pp returned [1, 'a', None, {'k': True}], which does not fit its return type INTEGER: not an "
                + "int", assertThrows(UdfFailure.class, () -> SqlResults.as("big_pp",
                        Arrays.asList(1L, "a", null, Map.of("k", true)), DuckDBColumnType.INTEGER)).getMessage());
        assertEquals("UDF big_pp returned {'k': 'v'}, which does not fit its return type VARCHAR: not a str",
                assertThrows(UdfFailure.class, () -> SqlResults.as("big_pp", Map.of("k", "v"), DuckDBColumnType.VARCHAR))
                        .getMessage(), "a dict is not made text in Java's notation");
        assertThrows(UdfFailure.class, () -> SqlResults.as("big_pp", 1.5, DuckDBColumnType.INTEGER));
        assertTrue(assertThrows(UdfFailure.class, () -> SqlResults.as("big_pp", true, DuckDBColumnType.BIGINT))
                .getMessage().startsWith("UDF big_pp returned True, "));
        assertThrows(UdfFailure.class,
                () -> SqlResults.as("big_pp", BigInteger.TWO.pow(70), DuckDBColumnType.BIGINT));
        assertThrows(UdfFailure.class, () -> SqlResults.as("big_pp", 1L, DuckDBColumnType.BOOLEAN));
    }
}
