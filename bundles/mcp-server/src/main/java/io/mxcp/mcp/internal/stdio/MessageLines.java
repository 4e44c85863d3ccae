package io.mxcp.mcp.internal.stdio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The newline-delimited messages of a stdio connection: a line ends at LF only (a CR is JSON whitespace, as the
 * SDKs read it), and a line longer than the limit is skipped up to its end rather than held in memory whole.
 */
final class MessageLines {
    /** What the reader found. */
    sealed interface Line {
    }

    /**
     * A complete line, without its LF: bytes, so that the JSON reader refuses invalid UTF-8 as it does on HTTP
     * instead of a decoder replacing it unseen.
     */
    record Text(byte[] bytes) implements Line {
        /** Whether the line holds nothing but JSON whitespace. */
        boolean blank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    /** A line over the limit, skipped; {@code length} bytes were read of it. */
    record TooLong(long length) implements Line {
    }

    private final InputStream in;
    private final int limit;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int position;
    private int end;

    MessageLines(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line, or null at end of input (a last line without LF counts). */
    Line next() throws IOException {
        line.reset();
        long length = 0;
        while (true) {
            if (position == end) {
                end = in.read(buffer);
                position = 0;
                if (end < 0) {
                    end = 0;
                    return length == 0 ? null : finish(length);
                }
            }
            int start = position;
            while (position < end && buffer[position] != '\n') {
                position++;
            }
            int count = position - start;
            if (length + count <= limit) {
                line.write(buffer, start, count);
            }
            length += count;
            if (position < end) {
                position++; // the LF
                return finish(length);
            }
        }
    }

    private Line finish(long length) {
        return length > limit ? new TooLong(length) : new Text(line.toByteArray());
    }
}
