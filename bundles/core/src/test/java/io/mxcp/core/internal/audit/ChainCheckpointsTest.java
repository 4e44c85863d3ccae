package io.mxcp.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.internal.WarningLog;

class ChainCheckpointsTest {

    @TempDir
    Path dir;

    /** A clock the test moves on. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aCheckpointThatCannotBeWrittenIsLoggedOnceAndTriedAgainAMinuteLater() throws Exception {
        // a folder where the checkpoint file goes: every append fails, as on a full disk or an immutable file
        Path blocked = Files.createDirectory(dir.resolve("log.checkpoints.jsonl"));
        MovingClock clock = new MovingClock();
        ChainCheckpoints checkpoints = new ChainCheckpoints(new CheckpointFile(blocked),
                dir.resolve("log.signing-key"), clock);
        try (WarningLog log = WarningLog.of(ChainCheckpoints.class)) {
            checkpoints.resume(null, null, null);
            checkpoints.written(1000, "h1");
            checkpoints.written(1000, "h2");
            clock.advance(Duration.ofSeconds(30));
            checkpoints.written(1000, "h3");
            checkpoints.idle();
            assertEquals(1, log.warnings().size(), log.warnings()::toString);
            assertTrue(log.warnings().getFirst().startsWith("CRITICAL: signing a checkpoint of the audit log in "
                    + blocked + " failed, retrying in 60 s: "), log.warnings().getFirst());

            Files.delete(blocked);
            clock.advance(Duration.ofSeconds(31));
            checkpoints.written(10, "h4");
            assertEquals(List.of("Checkpoints of the audit log are signed again in " + blocked),
                    log.warnings().subList(1, log.warnings().size()));
        }
        Checkpoint signed = new CheckpointFile(blocked).readAll().getLast();
        assertEquals(3010, signed.records());
        assertEquals("h4", signed.head());
    }

    /**
     * The audit folder removed while the server runs: the key pair in use is written again before it next signs, so
     * what it signed before and after can be verified, now and after a restart (which would otherwise make a new pair).
     */
    @Test
    void keyFilesDeletedWhileSigningAreWrittenAgainFromTheKeyInUse() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("audit"));
        Path keyFile = folder.resolve("log.signing-key");
        MovingClock clock = new MovingClock();
        ChainCheckpoints checkpoints = new ChainCheckpoints(new CheckpointFile(folder.resolve("log.checkpoints.jsonl")),
                keyFile, clock);
        checkpoints.resume(null, null, null);
        checkpoints.written(1000, "h1");
        String privatePem = Files.readString(keyFile);
        String publicPem = Files.readString(SigningKeys.publicKeyFile(keyFile));

        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
        clock.advance(Duration.ofSeconds(61));
        try (WarningLog log = WarningLog.of(ChainCheckpoints.class)) {
            checkpoints.written(5, "h2");
            checkpoints.idle();
            assertEquals(List.of("The audit signing key files [" + SigningKeys.publicKeyFile(keyFile) + ", " + keyFile
                    + "] were gone; written again from the key in use, so its checkpoints stay verifiable"),
                    log.warnings().stream().filter(line -> line.startsWith("The audit signing key")).toList());
        }
        assertEquals(privatePem, Files.readString(keyFile));
        assertEquals(publicPem, Files.readString(SigningKeys.publicKeyFile(keyFile)));
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(keyFile)));
        }
        Checkpoint signed = new CheckpointFile(folder.resolve("log.checkpoints.jsonl")).readAll().getLast();
        assertTrue(SigningKeys.verify(SigningKeys.loadPublic(SigningKeys.publicKeyFile(keyFile)), signed.payload(),
                signed.signature()), "the checkpoint signed after the folder came back verifies with the key file");
    }
}
