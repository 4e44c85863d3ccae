package io.mxcp.core.internal.audit;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.mxcp.core.api.AuditTrail.ChainCheck;
import io.mxcp.core.api.AuditTrail.SignedCheckpoint;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * Checks an audit log read in write order: each record's hash and link (the chain), then the signed checkpoints. A
 * checkpoint holds when its signature is the trusted key's and the record it signed is still in the log; when the log
 * ends before the newest checkpoint's record, the records missing are reported against it. Records retention removed
 * are told apart by count: the newest checkpoint found in the log tells how many records came before the oldest one
 * kept, and a checkpoint that signed no more than those is not looked for — unless it was signed after retention
 * could have removed anything (its records were removed before their time). A log with a public key beside it but
 * no checkpoint at all, whose records are older than a server takes to sign them, lost its checkpoint file.
 */
final class ChainVerification implements Consumer<AuditRecord> {

    /** How long after the records it signs a checkpoint may be made: its interval, with room for a busy writer. */
    private static final Duration SIGNING_DELAY = Duration.ofHours(1);
    /** How old the oldest record must be for a log without any checkpoint to be missing them. */
    private static final Duration FIRST_SIGNATURE_DUE = ChainCheckpoints.EVERY.multipliedBy(5);

    private final List<Checkpoint> checkpoints;
    private final Instant now;
    private final Instant retainedSince;
    private final Set<String> heads;
    private final Map<String, Long> headPositions = new HashMap<>();
    private final List<String> breaks = new ArrayList<>();
    private long checked;
    private String previousHash;
    private Instant oldest;

    /**
     * @param retainedSince records written since then are within every retention period (so none of them may be
     *                      missing); {@link Instant#MIN} when records are kept for good, null when unknown
     */
    ChainVerification(List<Checkpoint> checkpoints, Instant now, Instant retainedSince) {
        this.checkpoints = checkpoints;
        this.now = now;
        this.retainedSince = retainedSince;
        this.heads = checkpoints.stream().map(Checkpoint::head).collect(Collectors.toSet());
    }

    @Override
    public void accept(AuditRecord record) {
        String why = chainBreak(record, checked == 0, previousHash);
        if (why != null) {
            breaks.add("record " + record.recordId() + " (" + record.timestamp() + "): " + why);
        }
        if (heads.contains(record.recordHash())) {
            headPositions.putIfAbsent(record.recordHash(), checked);
        }
        previousHash = record.recordHash();
        if (checked == 0) {
            oldest = record.timestamp();
        }
        checked++;
    }

    /**
     * @param key     the public key to check signatures with, or null when it is missing
     * @param keyFile where that key was looked for, for the report
     */
    ChainCheck result(PublicKey key, Path keyFile) {
        List<Checkpoint> signed = signedCheckpoints(key, keyFile);
        SignedCheckpoint last = null;
        if (!signed.isEmpty()) {
            long removedBefore = removedBefore(signed);
            long held = checked + removedBefore;
            for (Checkpoint checkpoint : signed) {
                checkHeld(checkpoint, checkpoint == signed.getLast(), removedBefore, held);
            }
            Checkpoint newest = signed.getLast();
            last = new SignedCheckpoint(newest.records(), newest.head(), newest.at(),
                    Math.max(0, held - newest.records()));
        } else if (key != null && checkpoints.isEmpty() && oldest != null
                && oldest.isBefore(now.minus(FIRST_SIGNATURE_DUE))) {
            breaks.add("no signed checkpoint, though the log is signed (" + keyFile + ") and holds records since "
                    + oldest + ": the checkpoint file was removed or emptied, or no server ran long enough to sign");
        }
        return new ChainCheck(breaks.isEmpty(), checked, breaks, last);
    }

    private List<Checkpoint> signedCheckpoints(PublicKey key, Path keyFile) {
        if (key == null) {
            if (!checkpoints.isEmpty()) {
                breaks.add(checkpoints.size() + " signed checkpoints cannot be checked: the public key " + keyFile
                        + " is missing");
            }
            return List.of();
        }
        List<Checkpoint> signed = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            if (SigningKeys.verify(key, checkpoint.payload(), checkpoint.signature())) {
                signed.add(checkpoint);
            } else {
                breaks.add("the checkpoint of " + checkpoint.at() + " (" + checkpoint.records() + " records): its"
                        + " signature does not match the public key " + keyFile);
            }
        }
        return signed;
    }

    /** How many records came before the oldest one read (removed by retention), after the newest checkpoint found. */
    private long removedBefore(List<Checkpoint> signed) {
        for (Checkpoint checkpoint : signed.reversed()) {
            Long position = headPositions.get(checkpoint.head());
            if (position != null) {
                return Math.max(0, checkpoint.records() - position - 1);
            }
        }
        return 0;
    }

    /** @param held how many records the log has received, as far as what it holds tells */
    private void checkHeld(Checkpoint checkpoint, boolean newest, long removedBefore, long held) {
        if (headPositions.containsKey(checkpoint.head())) {
            return; // the records before it are the chain's to check
        }
        String signedAt = "the checkpoint of " + checkpoint.at() + " signed " + checkpoint.records() + " records";
        if (checkpoint.records() > held) {
            if (newest) {
                breaks.add((checkpoint.records() - held) + " records are missing at the end of the log: " + signedAt
                        + ", the log holds " + held);
            }
        } else if (checkpoint.records() > removedBefore) {
            breaks.add(signedAt + ", ending with " + checkpoint.head() + ", which is not in the log: records up to it"
                    + " were changed or removed");
        } else if (retainedSince != null && checkpoint.at().minus(SIGNING_DELAY).isAfter(retainedSince)) {
            breaks.add(signedAt + ", ending with " + checkpoint.head() + ", which is not in the log: the log starts "
                    + "after it, though retention keeps records since " + retainedSince + ": records were removed");
        }
    }

    /** Why a record breaks the chain, or null; the first record read may follow records retention removed. */
    private static String chainBreak(AuditRecord record, boolean first, String previousHash) {
        if (record.recordHash() == null) {
            return "it has no hash";
        }
        if (!record.recordHash().equals(RecordHashes.hash(record))) {
            return "its content does not match its hash";
        }
        if (!first && !Objects.equals(record.prevHash(), previousHash)) {
            return "it does not follow the record written before it";
        }
        return null;
    }
}
