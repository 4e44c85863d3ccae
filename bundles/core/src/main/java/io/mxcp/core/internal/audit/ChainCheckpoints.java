package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.mxcp.kernel.api.FileFailureText;
import io.mxcp.sdk.audit.AuditLog;

/**
 * Signs the hash chain one {@link AuditWriter} extends: a {@link Checkpoint} once 1000 records are unsigned, once
 * records stayed unsigned for 60 s, and when the writer stops. Used by the writer's thread only. A checkpoint that
 * cannot be made (an unreadable key, a full disk) is logged as critical and tried again 60 s later, not with the next
 * batch (which, with 1000 records unsigned, would log it a hundred times a second under load): signing never holds
 * up the records themselves.
 */
final class ChainCheckpoints {

    private static final System.Logger LOG = System.getLogger(ChainCheckpoints.class.getName());
    static final long EVERY_RECORDS = 1000;
    static final Duration EVERY = Duration.ofSeconds(60);

    private final CheckpointFile file;
    private final Path keyFile;
    private final Clock clock;
    private PrivateKey key;
    private PublicKey publicKey;
    private String fingerprint;

    private boolean resumed;
    /** Records the log has received, counted across restarts through the checkpoints. */
    private long written;
    private long unsigned;
    /** The count of what a log taken up after a crash held, until it is added to the two above; else null. */
    private ResumeCount resumeCount;
    private String head;
    private Instant lastCheckpoint;
    /** Whether the last checkpoint tried failed: the next is tried a minute after it, not with the next batch. */
    private boolean failing;

    ChainCheckpoints(CheckpointFile file, Path keyFile) {
        this(file, keyFile, Clock.systemUTC());
    }

    ChainCheckpoints(CheckpointFile file, Path keyFile, Clock clock) {
        this.file = file;
        this.keyFile = keyFile;
        this.clock = clock;
    }

    /**
     * Picks the count up where the log's chain ends ({@code tailHash}, null for an empty log).
     *
     * @param last the newest checkpoint signed ({@link #lastSigned()}), or null
     */
    void resume(AuditLog log, String tailHash, Checkpoint last) {
        head = tailHash;
        if (tailHash != null && last != null && tailHash.equals(last.head())) {
            written = last.records();
        } else if (tailHash != null) {
            // records written after the last checkpoint (a crash) or a log older than checkpoints: counted beside
            // the writing, which must not wait for a read of the whole log
            resumeCount = new ResumeCount(log, last, tailHash);
        }
        lastCheckpoint = clock.instant();
        resumed = true;
    }

    /** A batch was written: {@code count} records, the last hashing to {@code newHead}. */
    void written(int count, String newHead) {
        written += count;
        unsigned += count;
        head = newHead;
        if (counted(false) && unsigned >= EVERY_RECORDS && (!failing || minuteSinceLastTry())) {
            checkpoint();
        }
    }

    /** The writer has nothing to write: signs what stayed unsigned too long. */
    void idle() {
        if (resumed && counted(false) && unsigned > 0 && minuteSinceLastTry()) {
            checkpoint();
        }
    }

    /** The writer stops: signs what it wrote since the last checkpoint. */
    void close() {
        if (resumed && counted(true) && unsigned > 0) {
            checkpoint();
        }
    }

    /**
     * Whether the counts include what the log held when the writer took it up, adding the resume count once it is in.
     *
     * @param wait whether to wait for that count (the writer stops) rather than try again later
     */
    private boolean counted(boolean wait) {
        if (resumeCount == null) {
            return true;
        }
        ResumeCount.Counts before = wait ? resumeCount.await() : resumeCount.poll();
        if (before == null) {
            return false;
        }
        written += before.written();
        unsigned += before.unsigned();
        resumeCount = null;
        return true;
    }

    /** The newest checkpoint signed, or null when there is none (or the file cannot be read: logged). */
    Checkpoint lastSigned() {
        try {
            List<Checkpoint> all = file.readAll();
            return all.isEmpty() ? null : all.getLast();
        } catch (IOException e) {
            // the verifier reports the damaged file; the writer still counts and signs from what the log holds
            LOG.log(Level.ERROR, "CRITICAL: {0}", e.getMessage());
            return null;
        }
    }

    private boolean minuteSinceLastTry() {
        return clock.instant().isAfter(lastCheckpoint.plus(EVERY));
    }

    private void checkpoint() {
        lastCheckpoint = clock.instant();
        try {
            if (key == null) {
                key = SigningKeys.loadOrCreate(keyFile);
                publicKey = SigningKeys.loadPublic(SigningKeys.publicKeyFile(keyFile));
                fingerprint = SigningKeys.fingerprint(publicKey);
            } else {
                List<Path> restored = SigningKeys.restoreMissing(keyFile, key, publicKey);
                if (!restored.isEmpty()) {
                    LOG.log(Level.WARNING, "The audit signing key files {0} were gone; written again from the key in "
                            + "use, so its checkpoints stay verifiable", restored);
                }
            }
            Checkpoint unsignedCheckpoint = new Checkpoint(written, head, lastCheckpoint, fingerprint, null);
            file.append(new Checkpoint(written, head, lastCheckpoint, fingerprint,
                    SigningKeys.sign(key, unsignedCheckpoint.payload())));
            unsigned = 0;
            if (failing) {
                failing = false;
                LOG.log(Level.WARNING, "Checkpoints of the audit log are signed again in {0}", file.path());
            }
        } catch (IOException | RuntimeException e) {
            failing = true;
            LOG.log(Level.ERROR, "CRITICAL: signing a checkpoint of the audit log in {0} failed, retrying in {1} s: "
                    + "{2}", file.path(), EVERY.toSeconds(), FileFailureText.of(e));
        }
    }
}
