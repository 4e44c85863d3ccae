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
        String[] items = list.split(",");
        for (int index = 0; index < items.length; index++) {
            String entry = items[index];
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0 || entry.substring(0, equals).isBlank()) {
                // the entry is not shown: header lists hold credentials
                throw new SchemaException(variable, "entry " + (index + 1) + " should be key=value");
            }
            String key = entry.substring(0, equals).trim();
            entries.put(key, percentDecoded(entry.substring(equals + 1).trim(), key, variable));
        }
        return entries;
    }

    private static String percentDecoded(String value, String key, String variable) throws SchemaException {
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
                    throw new SchemaException(variable, "the value of '" + key + "' has a % not followed by two hex digits");
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
