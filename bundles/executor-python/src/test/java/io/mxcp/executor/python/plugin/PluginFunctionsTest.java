package io.mxcp.executor.python.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A UDF whose types DuckDB's Java functions cannot carry is refused up front, naming it and its plugin. */
class PluginFunctionsTest {

    @Test
    void aTypeDuckDbsJavaFunctionsDoNotTakeIsRefusedNamingTheUdfAndItsPlugin() {
        for (List<String> signature : List.of(List.of("BLOB", "INTEGER"), List.of("TIME", "VARCHAR"),
                List.of("VARCHAR", "INTERVAL"))) {
            Map<String, Object> function = Map.of("name", "f_pp", "plugin", "pp", "method", "f",
                    "parameters", List.of(signature.get(0)), "returns", signature.get(1));
            String unsupported = signature.get(0).equals("VARCHAR") ? signature.get(1) : signature.get(0);
            // refused before the host or the interpreter is asked for anything
            SQLException error = assertThrows(SQLException.class,
                    () -> PluginFunctions.register(null, null, List.of(function)));
            assertEquals("UDF f_pp of plugin pp: type " + unsupported + " is not supported by DuckDB's Java functions"
                    + " (they take booleans, integers, floating-point and decimal numbers, text, dates and timestamps)",
                    error.getMessage());
        }
    }
}
