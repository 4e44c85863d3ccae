package io.mxcp.mcp.internal.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.model.TypeDefinition;

/**
 * Loosens a tool's {@code outputSchema} where its output policies may change results (spec 03 §2.5, ours): a field
 * that {@code filter_fields} or {@code filter_sensitive_fields} can remove is no longer required, and one that
 * {@code mask_fields} can mask may also be the mask {@code "****"}. Otherwise a client that checks structured content
 * against the schema rejects every result a rule changed. Conditions are decided per call, so any rule with such an
 * action loosens the schema.
 */
final class PolicyRelaxedSchema {

    private static final String MASK = "****";

    private final Set<String> filtered = new LinkedHashSet<>();
    private final Set<String> masked = new LinkedHashSet<>();
    private boolean sensitiveFiltered;

    private PolicyRelaxedSchema(Map<String, Object> policies) {
        if (policies == null || !(policies.get("output") instanceof List<?> rules)) {
            return;
        }
        for (Object raw : rules) {
            Map<?, ?> rule = (Map<?, ?>) raw;
            Object action = rule.get("action");
            if ("filter_sensitive_fields".equals(action)) {
                sensitiveFiltered = true;
            } else if (rule.get("fields") instanceof List<?> fields
                    && ("filter_fields".equals(action) || "mask_fields".equals(action))) {
                // other actions (deny) may carry a fields list too; it changes nothing in the result
                Set<String> target = "filter_fields".equals(action) ? filtered : masked;
                fields.forEach(field -> target.add(String.valueOf(field)));
            }
        }
    }

    /**
     * Loosens the schema in place.
     *
     * @param schema  the tool's output schema as {@link JsonSchemas#outputSchema} made it
     * @param returns the tool's return type
     * @param wrapped whether the schema wraps the return type as {@code {result}}
     */
    static void apply(ObjectNode schema, TypeDefinition returns, boolean wrapped, Map<String, Object> policies) {
        PolicyRelaxedSchema relaxation = new PolicyRelaxedSchema(policies);
        ObjectNode returned = wrapped ? (ObjectNode) schema.path("properties").path(ToolResults.WRAPPER_KEY) : schema;
        if (relaxation.sensitiveFiltered) {
            relaxation.unrequireSensitive(returned, returns);
        }
        // filter_fields and mask_fields act on an object result, or on each object of an array result
        ObjectNode objects = returned.path("items") instanceof ObjectNode items ? items : returned;
        relaxation.relaxFields(objects);
    }

    private void relaxFields(ObjectNode object) {
        unrequire(object, filtered);
        if (object.path("properties") instanceof ObjectNode properties) {
            for (String field : masked) {
                JsonNode declared = properties.get(field);
                if (declared != null) {
                    ObjectNode either = properties.putObject(field);
                    ArrayNode anyOf = either.putArray("anyOf");
                    anyOf.add(declared);
                    anyOf.addObject().put("const", MASK);
                }
            }
        }
    }

    /** Sensitive values are removed wherever they are: none of them stays required. */
    private void unrequireSensitive(ObjectNode schema, TypeDefinition type) {
        if (type.properties() != null && schema.path("properties") instanceof ObjectNode properties) {
            Set<String> sensitive = new LinkedHashSet<>();
            type.properties().forEach((name, property) -> {
                if (property.sensitive()) {
                    sensitive.add(name);
                } else if (properties.get(name) instanceof ObjectNode child) {
                    unrequireSensitive(child, property);
                }
            });
            unrequire(schema, sensitive);
        }
        if (type.items() != null && schema.path("items") instanceof ObjectNode items) {
            unrequireSensitive(items, type.items());
        }
    }

    private static void unrequire(ObjectNode object, Set<String> names) {
        if (names.isEmpty() || !(object.path("required") instanceof ArrayNode required)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        required.forEach(name -> {
            if (!names.contains(name.asText())) {
                kept.add(name.asText());
            }
        });
        required.removeAll();
        kept.forEach(required::add);
    }
}
