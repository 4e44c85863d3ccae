package io.mxcp.udf.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.mxcp.sdk.udf.SqlFunction;
import io.mxcp.sdk.udf.SqlType;

class ExampleFunctionProviderTest {

    private final Map<String, SqlFunction> functions = new ExampleFunctionProvider("1.2.3").functions().stream()
            .collect(Collectors.toMap(SqlFunction::name, f -> f));

    private Object call(String name, Object... arguments) throws Exception {
        return functions.get(name).body().apply(arguments);
    }

    @Test
    void declaresItsSignatures() {
        assertEquals(List.of(SqlType.VARCHAR), functions.get("rot13").parameterTypes());
        assertEquals(SqlType.VARCHAR, functions.get("rot13").returnType());
        assertEquals(SqlType.BIGINT, functions.get("word_count").returnType());
        assertEquals(List.of(), functions.get("udf_examples_version").parameterTypes());
    }

    @Test
    void rot13RotatesLettersOnly() throws Exception {
        assertEquals("Uryyb, Jbeyq! 42", call("rot13", "Hello, World! 42"));
        assertEquals("Hello, World! 42", call("rot13", call("rot13", "Hello, World! 42")));
        assertNull(call("rot13", (Object) null));
    }

    @Test
    void wordCountSplitsOnWhitespace() throws Exception {
        assertEquals(3L, call("word_count", "  one two\tthree\n"));
        assertEquals(0L, call("word_count", "   "));
        assertEquals(0L, call("word_count", (Object) null));
    }

    @Test
    void reportsTheBundleVersion() throws Exception {
        assertEquals("1.2.3", call("udf_examples_version"));
    }
}
