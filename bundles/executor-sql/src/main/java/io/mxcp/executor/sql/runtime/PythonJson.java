package io.mxcp.executor.sql.runtime;

import java.util.Map;

/**
 * Writes a string map as Python's {@code json.dumps} does by default: {@code ", "} and {@code ": "}
 * separators, insertion order, and every non-ASCII character escaped as {@code \\uXXXX}.
 */
final class PythonJson {

    private PythonJson() {
    }

    static String object(Map<String, String> map) {
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> entry : map.entrySet()) {
            if (!first) {
                json.append(", ");
            }
            first = false;
            string(json, entry.getKey());
            json.append(": ");
            if (entry.getValue() == null) {
                json.append("null");
            } else {
                string(json, entry.getValue());
            }
        }
        return json.append('}').toString();
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
