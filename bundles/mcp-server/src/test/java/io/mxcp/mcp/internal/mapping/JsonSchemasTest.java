package io.mxcp.mcp.internal.mapping;

import static io.mxcp.mcp.internal.TypeBuilder.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonSchemasTest {
    private final JsonSchemas schemas = new JsonSchemas(new ObjectMapper());

    @Test
    void outputSchemaLeavesOutTheDateFormatsResultsDoNotFollow() {
        JsonNode schema = schemas.outputSchema(type("array").items(type("object")
                .property("d", type("string").format("date"))
                .property("ts", type("string").format("date-time"))
                .property("t", type("string").format("time"))
                .property("epoch", type("string").format("timestamp"))
                .property("mail", type("string").format("email"))).build());
        JsonNode row = schema.at("/properties/result/items/properties");
        for (String field : new String[] {"d", "ts", "t", "epoch"}) {
            assertTrue(row.path(field).path("format").isMissingNode(), field + ": " + schema);
            assertEquals("string", row.path(field).path("type").asText(), schema::toString);
        }
        assertEquals("email", row.path("mail").path("format").asText(), "other formats stay");
    }

    @Test
    void inputSchemaKeepsTheFormatsClientsShouldSend() {
        JsonNode schema = schemas.of(type("string").format("date").build());
        assertEquals("date", schema.path("format").asText());
    }
}
