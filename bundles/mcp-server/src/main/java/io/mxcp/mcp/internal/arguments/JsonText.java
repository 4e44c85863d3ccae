package io.mxcp.mcp.internal.arguments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A text argument read as JSON when it holds an array, an object or null (see {@link ArgumentCheck}). */
final class JsonText {
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonText() {
    }

    /** The array, object or null the text holds; otherwise the text itself. */
    static JsonNode structure(JsonNode text) {
        try {
            JsonNode parsed = READER.readTree(text.textValue());
            return parsed != null && (parsed.isContainerNode() || parsed.isNull()) ? parsed : text;
        } catch (JsonProcessingException notJson) {
            return text;
        }
    }
}
