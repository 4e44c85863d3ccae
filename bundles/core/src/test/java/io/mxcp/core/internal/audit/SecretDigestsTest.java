package io.mxcp.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sensitive values become HMACs under a key of the log's own: stable for a log, unrelated across logs. */
class SecretDigestsTest {

    @TempDir
    Path dir;

    @Test
    void aValueHasOneDigestPerLogAndAnotherUnderAnotherLogsKey() throws IOException {
        SecretDigests first = SecretDigests.loadOrCreate(dir.resolve("a.hmac-key"));
        SecretDigests again = SecretDigests.load(dir.resolve("a.hmac-key"));
        SecretDigests other = SecretDigests.loadOrCreate(dir.resolve("b.hmac-key"));
        assertEquals(first.of("hunter2"), again.of("hunter2"));
        assertNotEquals(first.of("hunter2"), other.of("hunter2"), "no digest table works across logs");
        assertNotEquals(first.of("hunter2"), first.of("hunter3"));
        assertEquals(first.of("42"), first.of(42), "an operator types a number as its JSON text");
        assertEquals(first.of("{\"a\":[1,true]}"), first.of(Map.of("a", List.of(1, true))));
    }

    @Test
    void aDamagedKeyIsNamed() throws IOException {
        Path key = Files.writeString(dir.resolve("c.hmac-key"), "not hex");
        IOException e = assertThrows(IOException.class, () -> SecretDigests.load(key));
        assertTrue(e.getMessage().startsWith("The audit secret key " + key + " is not a hex key"), e.getMessage());
    }
}
