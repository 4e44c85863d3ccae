package io.mxcp.core.evals;

import java.util.Map;

/**
 * A call the model made during a test, whether or not it succeeded.
 *
 * @param tool      the tool's name or the resource's URI, as assertions name it
 * @param arguments as the model sent them, or null when they were not a JSON object (the call did not run)
 * @param result    the serialized result, or null when the call failed
 * @param error     why the call failed, or null
 */
public record ToolCallRecord(String tool, Map<String, Object> arguments, Object result, String error) {
}
