package io.mxcp.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit signing key pair, made on first use and whole even when a start was killed while making it. */
class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void aCreationKilledBeforeItsPairWasWholeIsMadeAgain() throws Exception {
        Path privateKey = dir.resolve("logs.signing-key");
        Files.createFile(privateKey); // what a kill right after taking the key's name leaves
        PrivateKey made = SigningKeys.loadOrCreate(privateKey);
        PublicKey published = SigningKeys.loadPublic(SigningKeys.publicKeyFile(privateKey));
        byte[] payload = "chain head".getBytes();
        assertEquals(true, SigningKeys.verify(published, payload, SigningKeys.sign(made, payload)),
                "the .pub belongs to the private key");
        assertEquals(made, SigningKeys.loadOrCreate(privateKey), "a whole pair is kept");
    }
}
