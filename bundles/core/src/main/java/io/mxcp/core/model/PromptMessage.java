package io.mxcp.core.model;

/** One prompt message template: the template text, and the free-text role and type (or null). */
public record PromptMessage(String prompt, String role, String type) {
}
