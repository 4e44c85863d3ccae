package io.mxcp.core.internal.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;

import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.TypeDefinition;

/**
 * The declared parameter types an executor receives ({@code EndpointSource.parameterTypes}): the structure of each
 * type as its YAML has it ({@code type}, {@code format}, {@code items}, {@code properties}), without the constraints,
 * which the core has already checked. Built once per loaded definition, not per call (keys held weakly and
 * compared by identity, as the compiled policies are).
 */
final class ParameterTypes {
    private static final LoadingCache<EndpointDefinition, Map<String, Object>> BY_DEFINITION =
            CacheBuilder.newBuilder().weakKeys().build(CacheLoader.from(definition -> of(definition.parameters())));

    private ParameterTypes() {
    }

    static Map<String, Object> of(EndpointDefinition definition) {
        return BY_DEFINITION.getUnchecked(definition);
    }

    private static Map<String, Object> of(List<ParameterDefinition> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> types = new LinkedHashMap<>();
        for (ParameterDefinition parameter : parameters) {
            if (parameter.type() != null) {
                types.put(parameter.name(), structure(parameter.type()));
            }
        }
        return Collections.unmodifiableMap(types);
    }

    private static Map<String, Object> structure(TypeDefinition type) {
        Map<String, Object> structure = new LinkedHashMap<>();
        if (type.type() != null) {
            structure.put("type", type.type());
        }
        if (type.format() != null) {
            structure.put("format", type.format());
        }
        if (type.items() != null) {
            structure.put("items", structure(type.items()));
        }
        if (type.properties() != null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            type.properties().forEach((name, property) -> properties.put(name, structure(property)));
            structure.put("properties", properties);
        }
        return structure;
    }
}
