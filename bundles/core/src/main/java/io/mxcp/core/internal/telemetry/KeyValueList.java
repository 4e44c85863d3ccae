package io.mxcp.core.internal.telemetry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mxcp.core.internal.schema.SchemaException;

/**
 * OpenTelemetry's {@code key=value,key2=value2} lists ({@code OTEL_EXPORTER_OTLP_HEADERS},
 * {@code OTEL_RESOURCE_ATTRIBUTES}): entries separated by commas, keys and values trimmed, {@code %XX} escapes in
 * values decoded (a {@code +} stays a plus: header values such as base64 tokens carry them).
 */
final class KeyValueList {

    private KeyValueList() {
    }

    /** @throws SchemaException naming the variable and the entry that has no {@code =} or no key */
    static Map<String, String> parse(String list, String variable) throws SchemaException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String entry : list.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0 || entry.substring(0, equals).isBlank()) {
                throw new SchemaException(variable, "'" + entry.trim() + "' should be key=value");
            }
            entries.put(entry.substring(0, equals).trim(), percentDecoded(entry.substring(equals + 1).trim(), variable));
        }
        return entries;
    }

    private static String percentDecoded(String value, String variable) throws SchemaException {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
                if (low < 0) {
                    throw new SchemaException(variable, "'" + value + "' has a % not followed by two hex digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
