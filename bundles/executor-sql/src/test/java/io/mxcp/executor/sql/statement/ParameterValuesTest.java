package io.mxcp.executor.sql.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParameterValuesTest {

    private static SqlStatement statement(String sql) {
        return SqlScript.parse(sql).last();
    }

    @Test
    void bindsByNameCaseInsensitively() throws Exception {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("B", 2);
        arguments.put("a", null);
        assertEquals(Arrays.asList(null, 2), ParameterValues.inOrder(statement("SELECT $A, $b"), arguments));
    }

    @Test
    void reportsMissingParametersSorted() {
        var error = assertThrows(ParameterValues.ParameterMismatchException.class,
                () -> ParameterValues.inOrder(statement("SELECT $c, $a, $b"), Map.of("a", 1)));
        assertEquals("Invalid Input Error: Values were not provided for the following prepared statement parameters: b, c",
                error.getMessage());
    }

    @Test
    void sameCountButDifferentNamesIsReportedAsMissing() {
        var error = assertThrows(ParameterValues.ParameterMismatchException.class,
                () -> ParameterValues.inOrder(statement("SELECT $a"), Map.of("b", 1)));
        assertEquals("Invalid Input Error: Values were not provided for the following prepared statement parameters: a",
                error.getMessage());
    }

    @Test
    void reportsExcessArgumentsWithTheirSpelling() {
        var error = assertThrows(ParameterValues.ParameterMismatchException.class,
                () -> ParameterValues.inOrder(statement("SELECT 1"), Map.of("Extra", 1, "b", 2)));
        assertEquals("Invalid Input Error: Parameter argument/count mismatch, identifiers of the excess parameters: Extra, b",
                error.getMessage());
    }

    @Test
    void noParametersAndNoArgumentsIsFine() throws Exception {
        assertEquals(List.of(), ParameterValues.inOrder(statement("SELECT 1"), Map.of()));
    }
}
