package io.mxcp.mcp.internal.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import io.mxcp.core.model.TypeDefinition;

/** Builds {@code CallToolResult}s from endpoint results and failures (spec 04 §2). */
public final class ToolResults {
    /** The property a non-object return is wrapped in. */
    static final String WRAPPER_KEY = "result";

    private final ObjectMapper mapper;

    public ToolResults(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static boolean isObject(TypeDefinition type) {
        return "object".equals(type.type());
    }

    /**
     * A successful call: one text item (a string result as the plain string, anything else as JSON text) and,
     * when the tool declares a return type, the structured content (an object as is, else {@code {result}}). A null
     * where the return type is an object is an error result: MXCP's output check lets null pass, but MCP's structured
     * content must be an object, and the SDK clients refuse the whole result otherwise.
     */
    public ObjectNode success(String tool, Object value, TypeDefinition returns) {
        if (value == null && returns != null && isObject(returns)) {
            if (returns.sensitive()) { // filter_sensitive_fields takes a sensitive root away whole
                return error("Error executing tool " + tool + ": its result is sensitive as a whole, and an output"
                        + " policy removed it (or it returned null); mark the fields sensitive rather than the object");
            }
            return error("Error executing tool " + tool + ": it returned null (None) where its return type is an "
                    + "object; return an object, or declare another return type");
        }
        ObjectNode result = mapper.createObjectNode();
        String text = text(value);
        result.putArray("content").addObject().put("type", "text").put("text", text);
        if (returns != null) {
            // serialized once: a non-string value's text item already is its JSON
            RawValue structured = new RawValue(value instanceof String ? json(value) : text);
            if (isObject(returns)) {
                result.putRawValue("structuredContent", structured);
            } else {
                result.putObject("structuredContent").putRawValue(WRAPPER_KEY, structured);
            }
        }
        result.put("isError", false);
        return result;
    }

    /** A result with {@code isError: true} and the message as its one text item. */
    public ObjectNode error(String message) {
        ObjectNode result = mapper.createObjectNode();
        result.putArray("content").addObject().put("type", "text").put("text", message);
        result.put("isError", true);
        return result;
    }

    /** A result as text: a string as itself, anything else as JSON. */
    public String text(Object value) {
        return value instanceof String string ? string : json(value);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Tool result is not JSON-ready: " + e.getOriginalMessage(), e);
        }
    }
}
