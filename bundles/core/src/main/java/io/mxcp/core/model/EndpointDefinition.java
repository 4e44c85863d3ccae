package io.mxcp.core.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One endpoint as loaded from its YAML file (spec 01 §2). Fields a kind does not have are null.
 *
 * @param kind        which of tool, resource, prompt
 * @param name        tool or prompt name; a resource's optional display name
 * @param uri         a resource's URI or URI template
 * @param description or null
 * @param tags        or empty
 * @param annotations tool annotations, only the keys present in the YAML
 * @param parameters  declared parameters in order, or empty
 * @param returns     the return type, or null
 * @param language    {@code sql} or {@code python}; null for prompts
 * @param source      null for prompts
 * @param mimeType    a resource's MIME type, or null
 * @param messages    a prompt's messages, or null
 * @param enabled     whether the endpoint is served
 * @param policies    the raw {@code policies} block, or null
 * @param tests       the raw {@code tests} list, or null
 * @param file        the YAML file
 */
public record EndpointDefinition(
        EndpointKind kind,
        String name,
        String uri,
        String description,
        List<String> tags,
        Map<String, Object> annotations,
        List<ParameterDefinition> parameters,
        TypeDefinition returns,
        String language,
        SourceDefinition source,
        String mimeType,
        List<PromptMessage> messages,
        boolean enabled,
        Map<String, Object> policies,
        List<Object> tests,
        Path file) {

    /** The name an endpoint is addressed by: a resource's URI, else its name. */
    public String identifier() {
        return kind == EndpointKind.RESOURCE ? uri : name;
    }
}
