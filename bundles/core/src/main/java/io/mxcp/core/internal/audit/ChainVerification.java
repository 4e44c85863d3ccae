package io.mxcp.core.internal.audit;

import java.nio.file.Path;
import java.security.PublicKey;
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
 * kept, and a checkpoint that signed no more than those is not looked for. (So cutting the oldest records looks like
 * retention: the chain cannot tell either.)
 */
final class ChainVerification implements Consumer<AuditRecord> {

    private final List<Checkpoint> checkpoints;
    private final Set<String> heads;
    private final Map<String, Long> headPositions = new HashMap<>();
    private final List<String> breaks = new ArrayList<>();
    private long checked;
    private String previousHash;

    ChainVerification(List<Checkpoint> checkpoints) {
        this.checkpoints = checkpoints;
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
