package io.mxcp.mcp.internal.mapping;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A URI template value as the client meant it: RFC 6570 expansion percent-encodes what is not unreserved
 * ({@code Zoë Ünal} → {@code Zo%C3%AB%20%C3%9Cnal}), so matching decodes it. A value that is not a valid encoding
 * ({@code 50%off}, escapes that are not UTF-8) is kept as sent. A {@code +} stays a plus: that is form encoding.
 */
final class PercentDecoding {
    private PercentDecoding() {
    }

    static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
            } else if (i + 2 < raw.length && HexFormat.isHexDigit(raw[i + 1]) && HexFormat.isHexDigit(raw[i + 2])) {
                bytes.write((HexFormat.fromHexDigit(raw[i + 1]) << 4) + HexFormat.fromHexDigit(raw[i + 2]));
                i += 2;
            } else {
                return value;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return value;
        }
    }
}
