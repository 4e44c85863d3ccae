package io.mxcp.sdk.model;

import java.util.Map;

/**
 * A model's call of a tool.
 *
 * @param id                  the API's id for the call, which the result names
 * @param name                the tool's {@link ToolSpec#name()}
 * @param arguments           the arguments as JSON values (maps, lists, strings, numbers, booleans, null); empty when
 *                            they could not be read
 * @param unreadableArguments the arguments as the model sent them when they are not a JSON object (invalid JSON
 *                            text, a list, a string), else null: such a call is answered with an error, not run
 *                            (since 1.1)
 */
public record ToolCall(String id, String name, Map<String, Object> arguments, String unreadableArguments) {

    /** A call whose arguments are a JSON object. */
    public ToolCall(String id, String name, Map<String, Object> arguments) {
        this(id, name, arguments, null);
    }
}
