package io.mxcp.executor.sql.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ColumnNamesTest {

    @Test
    void suffixesRepeatedNamesCaseInsensitively() {
        assertEquals(List.of("a", "a_1", "A_2"), ColumnNames.deduplicate(List.of("a", "a", "A")));
    }

    @Test
    void skipsSuffixesThatAreAlreadyTaken() {
        assertEquals(List.of("a_1", "a", "a_2"), ColumnNames.deduplicate(List.of("a_1", "a", "a")));
    }

    @Test
    void keepsUniqueNames() {
        assertEquals(List.of("x", "y"), ColumnNames.deduplicate(List.of("x", "y")));
    }
}
