package io.mxcp.core.internal.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decodes a project's text files strictly, as Python does: a file saved in another encoding (Latin-1, Windows-1252)
 * is refused with the place of its first undecodable byte, where Java's lenient decoding would read every accented
 * letter as U+FFFD and serve the damaged text (descriptions, enum values, SQL literals) without a word.
 */
public final class StrictText {

    private StrictText() {
    }

    /** A UTF-8 text file's content. */
    public static String readUtf8(Path file) throws IOException {
        return decodeOrThrow(file, Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /**
     * A source file's content: UTF-8, but a Python file in the encoding its first two lines declare ({@code # -*-
     * coding: latin-1 -*-}, PEP 263), as Python reads it.
     */
    public static String readSource(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".py")) {
            return readUtf8(file);
        }
        byte[] bytes = Files.readAllBytes(file);
        return decodeOrThrow(file, bytes, PythonCoding.declared(bytes).orElse(StandardCharsets.UTF_8));
    }

    private static String decodeOrThrow(Path file, byte[] bytes, Charset charset) throws UndecodableFileException {
        try {
            return decode(bytes, 0, charset);
        } catch (UndecodableTextException e) {
            throw new UndecodableFileException(file, e.getMessage());
        }
    }

    /** The bytes from {@code offset} as {@code charset}; positions in the message count from {@code offset}. */
    public static String decode(byte[] bytes, int offset, Charset charset) throws UndecodableTextException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int length = bytes.length - offset;
        ByteBuffer input = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer output = CharBuffer.allocate((int) (length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(input, output, true);
        if (!result.isError()) {
            result = decoder.flush(output);
        }
        if (result.isError()) {
            throw new UndecodableTextException(where(bytes, offset, input.position(), charset));
        }
        return output.flip().toString();
    }

    private static String where(byte[] bytes, int offset, int bad, Charset charset) {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return String.format(Locale.ROOT, "not valid %s: the bytes at position %d cannot be decoded (save the "
                    + "file as UTF-8)", charset.name(), bad - offset);
        }
        int line = 1;
        int lineStart = offset;
        for (int i = offset; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
        return String.format(Locale.ROOT, "not valid UTF-8: byte 0x%02x at line %d, column %d cannot be decoded (save "
                + "the file as UTF-8)", bytes[bad] & 0xFF, line, before.codePointCount(0, before.length()) + 1);
    }

    /** Text that is not valid in its encoding; the message says where. */
    public static final class UndecodableTextException extends Exception {
        private static final long serialVersionUID = 1L;

        UndecodableTextException(String message) {
            super(message);
        }
    }

    /** A file whose text is not valid UTF-8; {@link #problem()} says where, without the file. */
    public static final class UndecodableFileException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String problem;

        UndecodableFileException(Path file, String problem) {
            super("'" + file + "' is " + problem);
            this.problem = problem;
        }

        public String problem() {
            return problem;
        }
    }
}
