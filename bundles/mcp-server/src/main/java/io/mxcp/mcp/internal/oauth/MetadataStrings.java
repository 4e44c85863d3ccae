package io.mxcp.mcp.internal.oauth;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A list-of-strings field of client metadata (registered or from a metadata document). */
final class MetadataStrings {

    private MetadataStrings() {
    }

    /** The strings; empty when the field is absent or null; null when it is not a list of strings. */
    static List<String> of(JsonNode metadata, String field) {
        JsonNode value = metadata.get(field);
        List<String> strings = new ArrayList<>();
        if (value == null || value.isNull()) {
            return strings;
        }
        if (!value.isArray()) {
            return null;
        }
        for (JsonNode each : value) {
            if (!each.isTextual()) {
                return null;
            }
            strings.add(each.asText());
        }
        return strings;
    }
}
