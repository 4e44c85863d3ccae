package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The Ed25519 key pair signing an audit log's checkpoints (ours, spec 03 tests D.40), with the JDK's own provider:
 * the private key in a PEM file only its owner can read ({@code 0600}), created on first use, the public key beside
 * it ({@code <key>.pub}) for verifiers, which need nothing else.
 */
final class SigningKeys {

    static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private SigningKeys() {
    }

    /** The public key file that belongs to a private key file. */
    static Path publicKeyFile(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** The private key at that path, created (with its public key file) when missing. */
    static PrivateKey loadOrCreate(Path privateKey) throws IOException {
        if (Files.exists(privateKey) && Files.size(privateKey) == 0) {
            Files.delete(privateKey); // a creation killed before its pair was whole (see create)
        }
        if (!Files.exists(privateKey)) {
            create(privateKey);
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(readPem(privateKey)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("The audit signing key " + privateKey + " is not an Ed25519 private key: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes the files of the pair in use again where they were deleted while it signed (with the audit folder, say):
     * without the public key no verifier can check what it signs, and without the private key the next start would
     * make a new pair. A missing folder is made again, as the checkpoint file's is.
     *
     * @return the files written
     */
    static List<Path> restoreMissing(Path privateKey, PrivateKey key, PublicKey publicKey) throws IOException {
        Path publicFile = publicKeyFile(privateKey);
        boolean publicMissing = !Files.exists(publicFile);
        boolean privateMissing = !Files.exists(privateKey);
        if (!publicMissing && !privateMissing) {
            return List.of();
        }
        Files.createDirectories(privateKey.toAbsolutePath().getParent());
        List<Path> written = new ArrayList<>();
        if (publicMissing) {
            writePublic(privateKey, publicKey);
            written.add(publicFile);
        }
        if (privateMissing) {
            writePrivate(privateKey, key);
            written.add(privateKey);
        }
        return written;
    }

    static PublicKey loadPublic(Path publicKey) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(readPem(publicKey)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("The audit public key " + publicKey + " is not an Ed25519 public key: "
                    + e.getMessage(), e);
        }
    }

    static String sign(PrivateKey key, byte[] payload) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(payload);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    /** Whether the signature (base64) is the key's over the payload; a malformed signature is simply not. */
    static boolean verify(PublicKey key, byte[] payload, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(payload);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** {@code ed25519:<first 16 hex digits of the SHA-256 of the public key>}: which key signed, at a glance. */
    static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "ed25519:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void create(Path privateKey) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("This JDK cannot generate Ed25519 keys: " + e.getMessage(), e);
        }
        // The private key's name is taken first (of two processes starting at once, one makes the pair); both files
        // are then written under temporary names and moved into place, the private key last, so a kill leaves no
        // half-written key: at worst an empty private key file, which the next start replaces.
        if (!OwnerOnlyFiles.create(privateKey)) {
            return;
        }
        writePublic(privateKey, pair.getPublic());
        writePrivate(privateKey, pair.getPrivate());
    }

    private static void writePublic(Path privateKey, PublicKey key) throws IOException {
        writeWhole(publicKeyFile(privateKey), pem(PUBLIC_LABEL, key.getEncoded()), false);
    }

    private static void writePrivate(Path privateKey, PrivateKey key) throws IOException {
        writeWhole(privateKey, pem(PRIVATE_LABEL, key.getEncoded()), true);
    }

    private static void writeWhole(Path file, String text, boolean secret) throws IOException {
        Path pending = file.resolveSibling(file.getFileName() + ".pending");
        Files.deleteIfExists(pending);
        if (secret) {
            OwnerOnlyFiles.create(pending);
        }
        Files.writeString(pending, text);
        Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static byte[] readPem(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
