package io.mxcp.mcp.internal.mapping;

import static io.mxcp.mcp.internal.TypeBuilder.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.core.model.ParameterDefinition;

class JsonSchemasTest {
    private final JsonSchemas schemas = new JsonSchemas(new ObjectMapper());

    @Test
    void outputSchemaLeavesOutTheFormatsResultsDoNotFollow() {
        JsonNode schema = schemas.outputSchema(type("array").items(type("object")
                .property("d", type("string").format("date"))
                .property("ts", type("string").format("date-time"))
                .property("t", type("string").format("time"))
                .property("epoch", type("string").format("timestamp"))
                .property("mail", type("string").format("email"))
                .property("link", type("string").format("uri"))
                .property("span", type("string").format("duration"))).build());
        JsonNode row = schema.at("/properties/result/items/properties");
        for (String field : new String[] {"d", "ts", "t", "epoch", "mail", "link", "span"}) {
            assertTrue(row.path(field).path("format").isMissingNode(), field + ": " + schema);
            assertEquals("[\"string\",\"null\"]", row.path(field).path("type").toString(), schema::toString);
        }
    }

    @Test
    void outputSchemaLetsNullPassBelowTheTopAndLeavesOutWhatResultsAreNotCheckedFor() {
        JsonNode schema = schemas.outputSchema(type("object")
                .property("email", type("string").pattern("^.+@.+$"))
                .property("status", type("string").enumValues("open", "closed"))
                .property("tags", type("array").items(type("string")))
                .required("email").build());
        assertEquals("object", schema.path("type").asText(), "structured content is an object, never null");
        assertEquals("[\"string\",\"null\"]", schema.at("/properties/email/type").toString());
        assertTrue(schema.at("/properties/email/pattern").isMissingNode(), schema::toString);
        assertTrue(schema.at("/properties/status/enum").isMissingNode(), schema::toString);
        assertEquals("[\"array\",\"null\"]", schema.at("/properties/tags/type").toString());
        assertEquals("[\"string\",\"null\"]", schema.at("/properties/tags/items/type").toString());
        assertEquals("[\"email\"]", schema.path("required").toString(), "a null value is still present");

        JsonNode scalar = schemas.outputSchema(type("integer").build());
        assertEquals("[\"integer\",\"null\"]", scalar.at("/properties/result/type").toString());
    }

    @Test
    void inputSchemaSaysWhichArgumentsATakesAndThatItTakesNoOther() {
        JsonNode schema = schemas.inputSchema(List.of(new ParameterDefinition("name", type("string").build()),
                new ParameterDefinition("limit", type("integer").defaultValue(10).build())));
        assertEquals("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"limit\":{\"type\":"
                + "\"integer\",\"default\":10}},\"required\":[\"name\"],\"additionalProperties\":false}",
                schema.toString());
        assertEquals("{\"type\":\"object\",\"properties\":{}}", schemas.inputSchema(List.of()).toString(),
                "a tool without parameters takes any arguments");
        assertEquals("{\"type\":[\"array\",\"null\"],\"default\":null}",
                schemas.inputSchema(List.of(new ParameterDefinition("flags", type("array").defaultValue(null).build())))
                        .at("/properties/flags").toString(), "a default of null is a value the schema admits");
    }

    @Test
    void inputSchemaKeepsTheFormatsWhoseJsonSchemaMeaningTheServerAccepts() {
        for (String format : new String[] {"date", "date-time", "email", "uri", "duration"}) {
            assertEquals(format, schemas.of(type("string").format(format).build()).path("format").asText());
        }
        // JSON Schema's time needs an offset the server refuses; timestamp is no JSON Schema format at all
        for (String format : new String[] {"time", "timestamp"}) {
            assertTrue(schemas.of(type("string").format(format).build()).path("format").isMissingNode(), format);
        }
    }
}
