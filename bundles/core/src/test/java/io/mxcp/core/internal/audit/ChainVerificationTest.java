package io.mxcp.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mxcp.core.api.AuditTrail.ChainCheck;
import io.mxcp.core.api.AuditTrail.SignedCheckpoint;
import io.mxcp.sdk.audit.AuditRecord;

/** What signed checkpoints add to the hash chain: an attacker who rewrites the whole chain is caught too. */
class ChainVerificationTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    private final KeyPair keys = pair();

    @Test
    void aChainRewrittenWithFreshHashesNoLongerEndsWhereTheCheckpointSigned() {
        List<AuditRecord> log = chain("a", "b", "c", "d");
        List<Checkpoint> checkpoints = List.of(signed(4, log.get(3)));
        assertEquals(List.of(), verify(log, checkpoints).chainBreaks());

        List<AuditRecord> rewritten = chain("a", "B", "c", "d");
        ChainCheck check = verify(rewritten, checkpoints);
        assertEquals(List.of("the checkpoint of " + AT + " signed 4 records, ending with " + log.get(3).recordHash()
                + ", which is not in the log: records up to it were changed or removed"), check.chainBreaks(),
                "every record links and hashes fine: only the signature tells");
    }

    @Test
    void recordsRetentionRemovedAreNotMissingAndUnsignedRecordsAreCounted() {
        List<AuditRecord> log = chain("a", "b", "c", "d", "e", "f");
        List<Checkpoint> checkpoints = List.of(signed(2, log.get(1)), signed(4, log.get(3)));
        ChainCheck check = verify(log.subList(2, 6), checkpoints);
        assertEquals(List.of(), check.chainBreaks(), "the first checkpoint signed only records retention removed");
        assertEquals(new SignedCheckpoint(4, log.get(3).recordHash(), AT, 2), check.lastCheckpoint());
    }

    @Test
    void theOldestRecordsRemovedBeforeRetentionCouldHaveAreCaught() {
        List<AuditRecord> log = chain("a", "b", "c", "d", "e", "f");
        List<Checkpoint> checkpoints = List.of(signed(2, log.get(1)), signed(4, log.get(3)));
        ChainCheck check = verify(log.subList(2, 6), checkpoints, AT.plus(Duration.ofMinutes(5)),
                AT.minus(Duration.ofDays(90)));
        assertEquals(List.of("the checkpoint of " + AT + " signed 2 records, ending with " + log.get(1).recordHash()
                + ", which is not in the log: the log starts after it, though retention keeps records since "
                + AT.minus(Duration.ofDays(90)) + ": records were removed"), check.chainBreaks());

        assertEquals(List.of(), verify(log.subList(2, 6), checkpoints, AT.plus(Duration.ofDays(91)),
                AT.plus(Duration.ofDays(1))).chainBreaks(), "older than the retention period: removed by it");
    }

    @Test
    void aSignedLogWithoutAnyCheckpointLostItsCheckpointFileOnceTheyAreDue() {
        List<AuditRecord> log = chain("a", "b");
        ChainCheck late = verify(log, List.of(), AT.plus(Duration.ofMinutes(10)), Instant.MIN);
        assertEquals(1, late.chainBreaks().size(), late.chainBreaks()::toString);
        assertTrue(late.chainBreaks().get(0).startsWith("no signed checkpoint, though the log is signed"),
                late.chainBreaks()::toString);
        assertEquals(List.of(), verify(log, List.of(), AT.plus(Duration.ofMinutes(1)), Instant.MIN).chainBreaks(),
                "not due yet: a server signs a minute after it writes");
    }

    private ChainCheck verify(List<AuditRecord> log, List<Checkpoint> checkpoints) {
        return verify(log, checkpoints, AT.plus(Duration.ofMinutes(1)), null);
    }

    private ChainCheck verify(List<AuditRecord> log, List<Checkpoint> checkpoints, Instant now, Instant retainedSince) {
        ChainVerification verification = new ChainVerification(checkpoints, now, retainedSince);
        log.forEach(verification);
        return verification.result(keys.getPublic(), null);
    }

    private Checkpoint signed(long records, AuditRecord head) {
        Checkpoint unsigned = new Checkpoint(records, head.recordHash(), AT, "k", null);
        return new Checkpoint(records, head.recordHash(), AT, "k", SigningKeys.sign(keys.getPrivate(), unsigned.payload()));
    }

    private static List<AuditRecord> chain(String... names) {
        List<AuditRecord> chain = new ArrayList<>();
        String previous = null;
        for (String name : names) {
            AuditRecord record = RecordHashes.linked(new AuditRecord("mxcp.endpoints", 2, "id-" + chain.size(), AT,
                    "tool", "t", "success", 1, "http", null, null, null, Map.of("name", name), null, null, List.of(),
                    null, null, Map.of(), List.of(), null, null, null), previous);
            previous = record.recordHash();
            chain.add(record);
        }
        return chain;
    }

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance(SigningKeys.ALGORITHM).generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
