package io.mxcp.core.internal.drift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Snapshot JSON as the original's Python writes it, non-ASCII escaped as {@code \u00e9} (lower-case, as Python does):
 * the file as {@code json.dump(indent=2)}, and the text the {@code drift_hash} covers as
 * {@code json.dumps(sort_keys=True)} (one line, {@code ", "} and {@code ": "} between items).
 */
public final class SnapshotJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();
    private static final ObjectWriter INDENTED = MAPPER.writer(printer(new DefaultIndenter("  ", "\n")));
    private static final ObjectWriter SORTED = MAPPER.writer(printer(new DefaultPrettyPrinter.NopIndenter()))
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private SnapshotJson() {
    }

    /** The value as the snapshot file holds it: two-space indentation, one array element a line, keys in order. */
    public static String indented(Object value) {
        try {
            return INDENTED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the snapshot as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** SHA-256 (hex) of the value's UTF-8 JSON text with sorted keys. */
    public static String sha256(Object value) {
        try {
            byte[] text = SORTED.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("Cannot hash the snapshot: " + e.getMessage(), e);
        }
    }

    /** Parses JSON text (the encoding detected); objects become {@code LinkedHashMap}s in document order. */
    public static Object parse(byte[] json) throws IOException {
        return MAPPER.readValue(json, Object.class);
    }

    /** {@code ": "} after a key, and {@code ", "} between items when not indented; empty containers as {@code {}}. */
    private static DefaultPrettyPrinter printer(DefaultPrettyPrinter.Indenter indenter) {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(indenter.isInline() ? Separators.Spacing.AFTER : Separators.Spacing.NONE)
                .withArrayValueSpacing(indenter.isInline() ? Separators.Spacing.AFTER : Separators.Spacing.NONE)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
