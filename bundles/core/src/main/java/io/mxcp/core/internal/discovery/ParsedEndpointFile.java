package io.mxcp.core.internal.discovery;

import java.util.Map;

import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;

/**
 * One endpoint file after parsing: its definition, or the error that kept it from loading and, when the YAML was
 * read, the endpoint it meant to define.
 *
 * @param declaredKind       with an error: the kind of endpoint the file's YAML has (null when not even that)
 * @param declaredIdentifier with an error: that endpoint's name (a resource's URI) as written, or null
 */
public record ParsedEndpointFile(EndpointDefinition definition, String error, EndpointKind declaredKind,
        String declaredIdentifier) {

    static ParsedEndpointFile loaded(EndpointDefinition definition) {
        return new ParsedEndpointFile(definition, null, null, null);
    }

    static ParsedEndpointFile failed(String error) {
        return new ParsedEndpointFile(null, error, null, null);
    }

    /** A file whose YAML was read but does not make a valid definition; what it meant to define, as far as written. */
    static ParsedEndpointFile invalid(String error, Object document) {
        if (document instanceof Map<?, ?> root) {
            for (EndpointKind kind : EndpointKind.values()) {
                if (root.get(kind.yamlKey()) instanceof Map<?, ?> body
                        && body.get(kind == EndpointKind.RESOURCE ? "uri" : "name") instanceof String identifier) {
                    return new ParsedEndpointFile(null, error, kind, identifier);
                }
            }
        }
        return failed(error);
    }

    /** Whether this broken file meant to define that endpoint. */
    boolean meant(EndpointKind kind, String identifier) {
        return definition == null && kind == declaredKind && identifier.equals(declaredIdentifier);
    }
}
