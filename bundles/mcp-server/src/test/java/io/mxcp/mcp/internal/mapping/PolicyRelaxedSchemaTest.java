package io.mxcp.mcp.internal.mapping;

import static io.mxcp.mcp.internal.TypeBuilder.type;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.core.model.TypeDefinition;
import io.mxcp.mcp.internal.TypeBuilder;

/** A tool's output schema admits what its output policies can make of a result (spec 03 §2.5). */
class PolicyRelaxedSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final TypeBuilder PERSON = type("object")
            .property("name", type("string"))
            .property("age", type("integer"))
            .property("ssn", type("string").sensitive())
            .property("card", type("object").property("number", type("string").sensitive()).required("number"))
            .required("name", "age", "ssn", "card");

    @Test
    void filteredFieldsAreNotRequiredAndMaskedOnesMayBeTheMask() throws Exception {
        JsonNode schema = outputSchema(PERSON, List.of(
                Map.of("condition", "true", "action", "filter_fields", "fields", List.of("name")),
                Map.of("condition", "true", "action", "mask_fields", "fields", List.of("age", "absent"))));
        assertEquals(MAPPER.readTree("[\"age\",\"ssn\",\"card\"]"), schema.get("required"));
        assertEquals(MAPPER.readTree("{\"anyOf\":[{\"type\":[\"integer\",\"null\"]},{\"const\":\"****\"}]}"),
                schema.at("/properties/age"));
        assertEquals(false, schema.at("/properties").has("absent"));
    }

    @Test
    void sensitiveValuesAreNotRequiredAtAnyDepthOfAnArrayResult() throws Exception {
        JsonNode schema = outputSchema(type("array").items(PERSON),
                List.of(Map.of("condition", "true", "action", "filter_sensitive_fields")));
        JsonNode person = schema.at("/properties/result/items");
        assertEquals(MAPPER.readTree("[\"name\",\"age\",\"card\"]"), person.get("required"));
        assertEquals(MAPPER.readTree("[]"), person.at("/properties/card/required"));
        assertEquals(MAPPER.readTree("[\"result\"]"), schema.get("required"));
    }

    @Test
    void withoutOutputRulesTheSchemaIsTheReturnType() throws Exception {
        JsonNode schema = outputSchema(PERSON, List.of());
        assertEquals(MAPPER.readTree("[\"name\",\"age\",\"ssn\",\"card\"]"), schema.get("required"));
        assertEquals(MAPPER.readTree("{\"type\":[\"integer\",\"null\"]}"), schema.at("/properties/age"));
    }

    @Test
    void aDenyRuleWithAFieldsListChangesNothing() throws Exception {
        // written so in a real project (uae-mxcp); the original ignores the list
        JsonNode schema = outputSchema(PERSON, List.of(Map.of("condition", "user.role == 'guest'", "action", "deny",
                "reason", "guests denied", "fields", List.of("name"))));
        assertEquals(MAPPER.readTree("[\"name\",\"age\",\"ssn\",\"card\"]"), schema.get("required"));
        assertEquals(MAPPER.readTree("{\"type\":[\"integer\",\"null\"]}"), schema.at("/properties/age"));
    }

    private static JsonNode outputSchema(TypeBuilder returns, List<Map<String, Object>> outputRules) {
        TypeDefinition type = returns.build();
        EndpointDefinition definition = new EndpointDefinition(EndpointKind.TOOL, "t", null, "d", List.of(), null,
                List.of(), type, "sql", null, null, null, true, Map.of("output", outputRules), null, Path.of("t.yml"));
        ToolCatalog catalog = new ToolCatalog(List.of(new DiscoveredEndpoint(definition.file(), "tools/t.yml",
                EndpointKind.TOOL, "t", definition, null)), MAPPER);
        return catalog.descriptions().get(0).get("outputSchema");
    }
}
