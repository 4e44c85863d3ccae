package io.mxcp.cli.output;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.mxcp.core.api.PythonFloats;
import io.mxcp.kernel.api.LogRecordText;

/**
 * JSON as the original prints it ({@code json.dumps(..., indent=2)}): two-space indentation, arrays one element
 * a line, {@code "key": value}, empty containers as {@code []}/{@code {}}, non-ASCII escaped, keys in insertion
 * order. Built on first use so commands without JSON do not pay for Jackson.
 */
public final class Json {

    private Json() {
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = JsonMapper.builder(PythonFloats.factory())
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE) // lower-case hex escapes, as Python writes them
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());
        static final ObjectWriter READABLE = PRETTY.without(JsonWriteFeature.ESCAPE_NON_ASCII)
                .with(new TerminalSafeEscapes());

        private static DefaultPrettyPrinter prettyPrinter() {
            Separators separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("");
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
            printer.indentObjectsWith(indenter);
            printer.indentArraysWith(indenter);
            return printer;
        }
    }

    /** The value as indented JSON text. */
    public static String pretty(Object value) {
        try {
            return Holder.PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the result as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The value as indented JSON for a person to read: as {@link #pretty}, but text in other scripts as itself, not as
     * {@code \\u} escapes; what a terminal would act on rather than show stays escaped.
     */
    public static String readable(Object value) {
        try {
            return Holder.READABLE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the result as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * JSON's escapes plus, as {@code \\u} escapes, every other character the logs escape ({@link LogRecordText}: DEL,
     * the C1 controls and the bidirectional overrides and isolates).
     */
    private static final class TerminalSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            String character = Character.toString(ch);
            boolean hidden = !LogRecordText.escaped(character).equals(character);
            return hidden ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    /** The value as one-line JSON text (table cells). */
    public static String compact(Object value) {
        try {
            return Holder.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the value as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses one JSON document; the encoding of bytes is detected (UTF-8/16/32, with or without BOM). */
    public static Object parse(byte[] json) throws InvalidJsonException {
        try {
            return Holder.MAPPER.readValue(json, Object.class);
        } catch (IOException e) {
            throw InvalidJsonException.from(e);
        }
    }

    public static Object parse(String json) throws InvalidJsonException {
        try {
            return Holder.MAPPER.readValue(json, Object.class);
        } catch (IOException e) {
            throw InvalidJsonException.from(e);
        }
    }
}
