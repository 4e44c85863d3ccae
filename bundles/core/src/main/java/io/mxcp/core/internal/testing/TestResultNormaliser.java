package io.mxcp.core.internal.testing;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.core.internal.types.PythonTruth;
import io.mxcp.core.model.EndpointKind;

/**
 * What a test's assertions look at (spec 02 reference §3.3): a falsy result ({@code null}, {@code []}, {@code {}},
 * {@code ""}, {@code 0}, {@code false}) is an empty list, as in the original; a prompt is judged by its last
 * assistant message, parsed when it is JSON.
 */
public final class TestResultNormaliser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestResultNormaliser() {
    }

    public static Object normalise(EndpointKind kind, Object result) {
        if (!PythonTruth.of(result)) {
            return List.of();
        }
        if (kind == EndpointKind.PROMPT && result instanceof List<?> messages) {
            return lastAssistantMessage(messages, result);
        }
        return result;
    }

    private static Object lastAssistantMessage(List<?> messages, Object otherwise) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof Map<?, ?> message && "assistant".equals(message.get("role"))
                    && message.containsKey("prompt")) {
                String text = String.valueOf(message.get("prompt")).trim();
                boolean looksJson = text.startsWith("[") && text.endsWith("]") || text.startsWith("{") && text.endsWith("}");
                if (looksJson) {
                    try {
                        return JSON.readValue(text, Object.class);
                    } catch (JsonProcessingException e) {
                        return text;
                    }
                }
                return text;
            }
        }
        return otherwise;
    }
}
