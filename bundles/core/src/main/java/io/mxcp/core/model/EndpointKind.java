package io.mxcp.core.model;

/** The three kinds of endpoint, with the YAML key and default folder of each. */
public enum EndpointKind {
    TOOL("tool", "tools"),
    RESOURCE("resource", "resources"),
    PROMPT("prompt", "prompts");

    private final String yamlKey;
    private final String plural;

    EndpointKind(String yamlKey, String plural) {
        this.yamlKey = yamlKey;
        this.plural = plural;
    }

    /** {@code tool}, {@code resource} or {@code prompt}: the document key and the CLI's word. */
    public String yamlKey() {
        return yamlKey;
    }

    /** {@code tools}, {@code resources} or {@code prompts}: the default folder and the word in "not found in tools". */
    public String plural() {
        return plural;
    }
}
