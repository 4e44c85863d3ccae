package io.mxcp.mcp.internal.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.mcp.internal.arguments.ArgumentCheck;
import io.mxcp.mcp.internal.arguments.InvalidArgumentsException;

/** The served resources: fixed URIs for {@code resources/list}, templates for {@code resources/templates/list}. */
public final class ResourceCatalog {

    /** A concrete URI matched to its declaration, with the placeholder values (text) and their check. */
    public record Match(EndpointDefinition definition, ObjectNode values, ArgumentCheck check) {

        /** The placeholder values checked against the declared parameters, as arguments for the core. */
        public Map<String, Object> arguments() throws InvalidArgumentsException {
            return check == null ? Map.of() : check.apply(values);
        }
    }

    private record Template(EndpointDefinition definition, UriTemplate template, ArgumentCheck check) {
    }

    private final Map<String, EndpointDefinition> fixed = new LinkedHashMap<>();
    private final List<Template> templates = new ArrayList<>();
    private final ArrayNode resourceDescriptions;
    private final ArrayNode templateDescriptions;

    public ResourceCatalog(List<DiscoveredEndpoint> endpoints, ObjectMapper mapper) {
        resourceDescriptions = mapper.createArrayNode();
        templateDescriptions = mapper.createArrayNode();
        for (EndpointDefinition definition : Served.definitions(endpoints, EndpointKind.RESOURCE)) {
            String uri = definition.uri();
            if (UriTemplate.isTemplate(uri)) {
                templates.add(new Template(definition, UriTemplate.parse(uri),
                        ArgumentCheck.forResource(definition.name() != null ? definition.name() : uri,
                                definition.parameters())));
                templateDescriptions.add(describe(definition, "uriTemplate", mapper));
            } else if (fixed.putIfAbsent(uri, definition) == null) {
                resourceDescriptions.add(describe(definition, "uri", mapper));
            }
        }
    }

    private static ObjectNode describe(EndpointDefinition definition, String uriKey, ObjectMapper mapper) {
        ObjectNode resource = mapper.createObjectNode().put(uriKey, definition.uri());
        resource.put("name", definition.name() != null ? definition.name() : definition.uri());
        if (definition.description() != null) {
            resource.put("description", definition.description());
        }
        if (definition.mimeType() != null) {
            resource.put("mimeType", definition.mimeType());
        }
        return resource;
    }

    public ArrayNode resources() {
        return resourceDescriptions;
    }

    public ArrayNode templates() {
        return templateDescriptions;
    }

    /**
     * Whether a read of the URI would reach a resource: it matches one and its placeholder values pass the declared
     * parameters (what subscriptions accept; {@code numbers://seven/square} for an integer {@code n} does not).
     */
    public boolean serves(String uri) {
        Match match = match(uri);
        if (match == null) {
            return false;
        }
        try {
            match.arguments();
            return true;
        } catch (InvalidArgumentsException e) {
            return false;
        }
    }

    /** The declaration a concrete URI addresses (a fixed URI first, then templates in order), or null. */
    public Match match(String uri) {
        EndpointDefinition exact = fixed.get(uri);
        if (exact != null) {
            return new Match(exact, null, null);
        }
        for (Template template : templates) {
            Map<String, String> values = template.template().match(uri);
            if (values != null) {
                ObjectNode placeholders = JsonNodeFactory.instance.objectNode();
                values.forEach(placeholders::put);
                return new Match(template.definition(), placeholders, template.check());
            }
        }
        return null;
    }
}
