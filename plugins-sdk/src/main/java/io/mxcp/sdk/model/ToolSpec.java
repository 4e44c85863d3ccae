package io.mxcp.sdk.model;

import java.util.Map;

/**
 * A tool as a model sees it.
 *
 * @param name        letters, digits, {@code _} and {@code -}, at most 64 (what every provider's API accepts)
 * @param description what the tool does, or null
 * @param inputSchema the JSON Schema of its arguments (an object schema)
 */
public record ToolSpec(String name, String description, Map<String, Object> inputSchema) {
}
