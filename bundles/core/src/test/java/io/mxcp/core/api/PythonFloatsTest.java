package io.mxcp.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class PythonFloatsTest {
    private final ObjectMapper mapper = new ObjectMapper(PythonFloats.factory());

    @Test
    void floatsReadAsPythonWritesThem() throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("capital", 48170000.0);
        row.put("small", 0.00001);
        row.put("big", 1e16);
        row.put("below", 9999999999999998.0);
        row.put("tiny", 0.0001);
        row.put("negative", -2.5e-7);
        row.put("real", 0.1f);
        row.put("count", 3L);
        String expected = "{\"capital\":48170000.0,\"small\":1e-05,\"big\":1e+16,\"below\":9999999999999998.0,"
                + "\"tiny\":0.0001,\"negative\":-2.5e-07,\"real\":0.1,\"count\":3}";
        assertEquals(expected, mapper.writeValueAsString(row));
        assertEquals(expected, mapper.writeValueAsString(mapper.valueToTree(row)), "trees too");
        assertEquals("[1.5e+300]", mapper.writeValueAsString(List.of(1.5e300)));
    }
}
