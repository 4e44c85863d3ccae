package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a sensitive value becomes in an audit log (ours, spec 03 tests D.39): {@code hmac-sha256:<hex>}, keyed with a
 * secret of the log's own kept beside it ({@code 0600}). The value is never stored, and without the key a reader of
 * the log cannot test guesses against it (as a plain hash would let them, for a short password); with it, an operator
 * can find the records holding a value they know ({@code mxcp log --hmac-of}).
 */
final class SecretDigests {

    static final String PREFIX = "hmac-sha256:";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretKeySpec key;

    private SecretDigests(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The digests under the key in that file, made (random) when missing. */
    static SecretDigests loadOrCreate(Path keyFile) throws IOException {
        if (OwnerOnlyFiles.create(keyFile)) {
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.writeString(keyFile, HexFormat.of().formatHex(key) + "\n");
        }
        return load(keyFile);
    }

    /** @throws IOException naming the file when it is missing or holds no key */
    static SecretDigests load(Path keyFile) throws IOException {
        String hex = Files.readString(keyFile).strip();
        try {
            byte[] key = HexFormat.of().parseHex(hex);
            if (key.length < KEY_BYTES) {
                throw new IllegalArgumentException("it is shorter than " + KEY_BYTES + " bytes");
            }
            return new SecretDigests(key);
        } catch (IllegalArgumentException e) {
            throw new IOException("The audit secret key " + keyFile + " is not a hex key: " + e.getMessage(), e);
        }
    }

    /** The digest of a value: of a string's own text, of anything else's JSON text ({@code 42}, {@code true}). */
    String of(Object value) {
        String text;
        try {
            text = value instanceof String string ? string : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            text = String.valueOf(value);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed: " + e.getMessage(), e);
        }
    }
}
