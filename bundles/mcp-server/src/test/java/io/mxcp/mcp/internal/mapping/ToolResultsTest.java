package io.mxcp.mcp.internal.mapping;

import static io.mxcp.mcp.internal.TypeBuilder.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ToolResultsTest {
    private final ToolResults results = new ToolResults(new ObjectMapper());

    @Test
    void aNullObjectResultSaysWhetherAPolicyMayHaveTakenItAway() {
        JsonNode plain = results.success("user", null, type("object").build());
        assertTrue(plain.get("isError").asBoolean());
        assertEquals("Error executing tool user: it returned null (None) where its return type is an object; return an"
                + " object, or declare another return type", plain.at("/content/0/text").asText());

        JsonNode sensitive = results.success("salary", null, type("object").sensitive().build());
        assertEquals("Error executing tool salary: its result is sensitive as a whole, and an output policy removed it"
                + " (or it returned null); mark the fields sensitive rather than the object",
                sensitive.at("/content/0/text").asText());
    }
}
