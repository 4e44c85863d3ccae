package io.mxcp.core.internal.discovery;

import io.mxcp.core.model.EndpointDefinition;

/** One endpoint file after parsing: its definition, or the error that kept it from loading. */
public record ParsedEndpointFile(EndpointDefinition definition, String error) {
}
