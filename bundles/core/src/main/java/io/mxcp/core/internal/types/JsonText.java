package io.mxcp.core.internal.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parses JSON text arguments (arrays and objects passed as strings, spec 01 §3.3). */
final class JsonText {

    /** Created on first use: most calls never parse JSON, and {@code mxcp list} never does. */
    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private JsonText() {
    }

    /** The parsed value; objects become {@code LinkedHashMap}s. */
    static Object parse(String text) throws JsonProcessingException {
        return Holder.MAPPER.readValue(text, Object.class);
    }
}
