package io.mxcp.sdk.model;

import java.util.Map;

/**
 * A model's call of a tool.
 *
 * @param id        the API's id for the call, which the result names
 * @param name      the tool's {@link ToolSpec#name()}
 * @param arguments the arguments as JSON values (maps, lists, strings, numbers, booleans, null)
 */
public record ToolCall(String id, String name, Map<String, Object> arguments) {
}
