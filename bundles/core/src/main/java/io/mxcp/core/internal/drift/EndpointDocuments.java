package io.mxcp.core.internal.drift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.internal.types.ValueSerializer;
import io.mxcp.core.internal.yaml.YamlReader;
import io.mxcp.core.internal.yaml.YamlSyntaxException;

/**
 * The {@code definition} a snapshot stores: the endpoint file's YAML document as written (read as discovery reads
 * it), JSON-ready (YAML dates as ISO text), without nulls. The original stores its parsed model with defaults filled
 * in instead; see docs/compat.md.
 */
final class EndpointDocuments {

    private EndpointDocuments() {
    }

    /** The document of a file that discovery loaded, so it is a mapping. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) {
        try {
            return (Map<String, Object>) withoutNulls(ValueSerializer.serialize(YamlReader.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (YamlSyntaxException e) {
            // the file changed since discovery loaded it
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Maps lose their null entries, at every level; list elements are kept. */
    private static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> kept = new LinkedHashMap<>();
            map.forEach((key, entry) -> {
                if (entry != null) {
                    kept.put((String) key, withoutNulls(entry));
                }
            });
            return kept;
        }
        if (value instanceof List<?> list) {
            List<Object> kept = new ArrayList<>(list.size());
            list.forEach(element -> kept.add(withoutNulls(element)));
            return kept;
        }
        return value;
    }
}
