package io.mxcp.mcp.internal.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.TypeDefinition;

/**
 * Suggestions for {@code completion/complete}: the values an MXCP definition already names for a prompt argument
 * or a resource-template placeholder — its {@code enum}, else its {@code examples} — that start with what the
 * user typed (case-insensitive), in declaration order. An argument without either gets no suggestions.
 */
public final class Completions {
    /** The most values one completion result may carry (MCP schema). */
    public static final int MAX_VALUES = 100;

    /** The suggestions and how many matched in all. */
    public record Suggestions(List<String> values, int total) {

        public boolean hasMore() {
            return total > values.size();
        }
    }

    private final Map<String, Map<String, List<String>>> prompts = new HashMap<>();
    private final Map<String, Map<String, List<String>>> templates = new HashMap<>();

    public Completions(List<DiscoveredEndpoint> endpoints) {
        for (EndpointDefinition prompt : Served.definitions(endpoints, EndpointKind.PROMPT)) {
            prompts.putIfAbsent(prompt.name(), candidates(prompt));
        }
        for (EndpointDefinition resource : Served.definitions(endpoints, EndpointKind.RESOURCE)) {
            if (UriTemplate.isTemplate(resource.uri())) {
                templates.putIfAbsent(resource.uri(), candidates(resource));
            }
        }
    }

    private static Map<String, List<String>> candidates(EndpointDefinition definition) {
        Map<String, List<String>> byArgument = new HashMap<>();
        for (ParameterDefinition parameter : definition.parameters()) {
            TypeDefinition type = parameter.type();
            List<Object> named = type.enumValues() != null && !type.enumValues().isEmpty() ? type.enumValues()
                    : type.examples();
            Set<String> values = new LinkedHashSet<>();
            if (named != null) {
                named.stream().filter(value -> value != null && !(value instanceof Map) && !(value instanceof List))
                        .forEach(value -> values.add(value.toString()));
            }
            byArgument.put(parameter.name(), List.copyOf(values));
        }
        return byArgument;
    }

    public boolean hasPrompt(String name) {
        return prompts.containsKey(name);
    }

    public boolean hasTemplate(String uriTemplate) {
        return templates.containsKey(uriTemplate);
    }

    /** Suggestions for a prompt's argument; the prompt must exist. */
    public Suggestions forPrompt(String name, String argument, String typed) {
        return matching(prompts.get(name), argument, typed);
    }

    /** Suggestions for a template's placeholder; the template must exist. */
    public Suggestions forTemplate(String uriTemplate, String argument, String typed) {
        return matching(templates.get(uriTemplate), argument, typed);
    }

    private static Suggestions matching(Map<String, List<String>> byArgument, String argument, String typed) {
        String prefix = typed == null ? "" : typed.toLowerCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        for (String candidate : byArgument.getOrDefault(argument, List.of())) {
            if (candidate.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                matches.add(candidate);
            }
        }
        return new Suggestions(List.copyOf(matches.subList(0, Math.min(MAX_VALUES, matches.size()))), matches.size());
    }
}
