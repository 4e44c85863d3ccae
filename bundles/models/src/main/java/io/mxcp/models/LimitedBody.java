package io.mxcp.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads an answer's body as text up to {@value #MAX_BYTES} bytes: a broken or hostile {@code base_url} must not be
 * able to fill the memory.
 */
final class LimitedBody {
    static final int MAX_BYTES = 16 * 1024 * 1024;

    /** A body over the limit: not worth sending the request again. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the answer is larger than " + MAX_BYTES + " bytes");
        }
    }

    private LimitedBody() {
    }

    static String read(InputStream body) throws IOException {
        try (body) {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new TooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
