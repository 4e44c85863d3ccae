package io.mxcp.core.internal.evals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.core.model.JsonSchema;
import io.mxcp.sdk.model.ToolSpec;

/**
 * The project's tools and resources as a model's tools (prompts are not callable). Model APIs accept only names
 * of letters, digits, {@code _} and {@code -} (at most 64), so a resource, addressed by its URI, gets a name made of
 * its URI's safe characters; results and assertions keep naming it by its URI.
 */
public final class EvalToolbox {

    private static final Pattern API_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_NAME = 64;

    private final List<ToolSpec> specs = new ArrayList<>();
    private final Map<String, EndpointDefinition> byApiName = new HashMap<>();

    public EvalToolbox(List<DiscoveredEndpoint> endpoints) {
        for (DiscoveredEndpoint endpoint : endpoints) {
            EndpointDefinition definition = endpoint.definition();
            if (endpoint.loaded() && definition.enabled() && definition.kind() != EndpointKind.PROMPT) {
                add(definition);
            }
        }
    }

    private void add(EndpointDefinition definition) {
        String apiName = unique(apiName(definition));
        byApiName.put(apiName, definition);
        specs.add(new ToolSpec(apiName, description(definition), JsonSchema.forParameters(definition.parameters())));
    }

    public List<ToolSpec> specs() {
        return List.copyOf(specs);
    }

    /** The endpoint a model's tool name stands for. */
    public Optional<EndpointDefinition> endpoint(String apiName) {
        return Optional.ofNullable(byApiName.get(apiName));
    }

    /** Whether an endpoint of this name (a tool's name, a resource's URI as declared) is among the tools. */
    public boolean serves(String identifier) {
        return byApiName.values().stream().anyMatch(definition -> definition.identifier().equals(identifier));
    }

    /** The names the model may call, for a model that called an unknown tool. */
    public List<String> apiNames() {
        return specs.stream().map(ToolSpec::name).toList();
    }

    /** A tool keeps its name (made API-safe if need be); a resource is {@code read_} and its URI's safe characters. */
    private static String apiName(EndpointDefinition definition) {
        if (definition.kind() == EndpointKind.TOOL && API_NAME.matcher(definition.name()).matches()) {
            return definition.name();
        }
        String prefix = definition.kind() == EndpointKind.RESOURCE ? "read_" : "";
        String safe = (prefix + definition.identifier()).replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("_+$", "");
        return safe.length() > MAX_NAME ? safe.substring(0, MAX_NAME) : safe;
    }

    private String unique(String name) {
        String candidate = name;
        for (int n = 2; byApiName.containsKey(candidate); n++) {
            String suffix = "_" + n;
            candidate = name.substring(0, Math.min(name.length(), MAX_NAME - suffix.length())) + suffix;
        }
        return candidate;
    }

    private static String description(EndpointDefinition definition) {
        String own = definition.description() == null ? "" : definition.description().strip();
        if (definition.kind() != EndpointKind.RESOURCE) {
            return own.isEmpty() ? null : own;
        }
        String reads = "Reads the resource " + definition.uri()
                + (definition.parameters().isEmpty() ? "." : ", filling its {placeholders} from the arguments.");
        return own.isEmpty() ? reads : own + "\n\n" + reads;
    }
}
