package io.mxcp.mcp.internal.mapping;

import java.util.ArrayList;
import java.util.List;

import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;

/** Which discovered endpoints the server serves: loaded, enabled, of the asked kind, in discovery order. */
final class Served {
    private Served() {
    }

    static List<EndpointDefinition> definitions(List<DiscoveredEndpoint> endpoints, EndpointKind kind) {
        List<EndpointDefinition> served = new ArrayList<>();
        for (DiscoveredEndpoint endpoint : endpoints) {
            EndpointDefinition definition = endpoint.definition();
            if (endpoint.loaded() && endpoint.kind() == kind && definition != null && definition.kind() == kind
                    && definition.enabled()) {
                served.add(definition);
            }
        }
        return served;
    }
}
