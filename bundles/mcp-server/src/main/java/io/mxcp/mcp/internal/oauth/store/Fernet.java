package io.mxcp.mcp.internal.oauth.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Fernet token format (https://github.com/fernet/spec), byte-compatible with Python's
 * {@code cryptography.fernet}: the original MXCP wrote its token store with it, and those files must stay readable.
 * A token is {@code 0x80 | timestamp (8 bytes, big-endian) | IV (16) | AES-128-CBC/PKCS7 ciphertext | HMAC-SHA256
 * of all before it}, in URL-safe base64 with padding. Only the JDK's providers are used. Timestamps are written but
 * not checked on reading (the store enforces its own expiry, as MXCP did by decrypting without a TTL).
 */
public final class Fernet {

    private static final byte VERSION = (byte) 0x80;
    private static final int HEADER = 1 + 8 + 16;
    private static final int MAC = 32;
    private static final int BLOCK = 16;
    private static final String DECRYPT_FAILED = "Failed to decrypt stored token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec signingKey;
    private final SecretKeySpec encryptionKey;

    /**
     * @param key URL-safe base64 of 32 bytes (standard base64 is taken too, as Python does); the first half signs,
     *            the second encrypts
     * @throws IllegalArgumentException {@code Invalid Fernet key: <why>}, never quoting the key
     */
    public Fernet(String key) {
        Objects.requireNonNull(key, "key");
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(key.strip().replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid Fernet key: not URL-safe base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("Invalid Fernet key: " + raw.length + " bytes instead of 32");
        }
        signingKey = new SecretKeySpec(raw, 0, 16, "HmacSHA256");
        encryptionKey = new SecretKeySpec(raw, 16, 16, "AES");
        Arrays.fill(raw, (byte) 0);
    }

    /** The text encrypted now with a random IV. */
    public String encrypt(String plaintext) {
        byte[] iv = new byte[BLOCK];
        RANDOM.nextBytes(iv);
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis() / 1000, iv);
    }

    /** The token of these exact parts: what {@link #encrypt(String)} does, with the clock and IV given. */
    String encrypt(byte[] plaintext, long epochSeconds, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new IvParameterSpec(iv));
            byte[] ciphertext = cipher.doFinal(plaintext);
            ByteBuffer token = ByteBuffer.allocate(HEADER + ciphertext.length + MAC);
            token.put(VERSION).putLong(epochSeconds).put(iv).put(ciphertext);
            token.put(mac(token.array(), HEADER + ciphertext.length));
            return Base64.getUrlEncoder().encodeToString(token.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks AES-CBC or HMAC-SHA256", e);
        }
    }

    /**
     * The text of a token, once its HMAC (compared in constant time) and padding check out.
     *
     * @throws GeneralSecurityException {@code Failed to decrypt stored token}, whatever went wrong
     */
    public String decrypt(String token) throws GeneralSecurityException {
        byte[] data = parse(token);
        if (data == null) {
            throw new GeneralSecurityException(DECRYPT_FAILED);
        }
        int signed = data.length - MAC;
        if (!MessageDigest.isEqual(mac(data, signed), Arrays.copyOfRange(data, signed, data.length))) {
            throw new GeneralSecurityException(DECRYPT_FAILED);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new IvParameterSpec(data, 9, BLOCK));
            return new String(cipher.doFinal(data, HEADER, signed - HEADER), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException(DECRYPT_FAILED);
        }
    }

    /**
     * Whether a stored value has the shape of a Fernet token (under any key): tells a store written with a key from
     * one written in plaintext when no key is configured.
     */
    static boolean looksLikeToken(String value) {
        return parse(value) != null;
    }

    /** The token's bytes when it is well-formed base64 of a version-0x80 token with whole blocks; else null. */
    private static byte[] parse(String token) {
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int ciphertext = data.length - HEADER - MAC;
        boolean wellFormed = ciphertext >= BLOCK && ciphertext % BLOCK == 0 && data[0] == VERSION;
        return wellFormed ? data : null;
    }

    private byte[] mac(byte[] data, int length) throws GeneralSecurityException {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(signingKey);
        hmac.update(data, 0, length);
        return hmac.doFinal();
    }
}
