package io.mxcp.core.internal.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement about an audit log's hash chain (ours, spec 03 tests D.40, after Certificate Transparency's
 * signed tree heads): when it was made, the log held {@code records} records, the last of them hashing to
 * {@code head}. Whoever edits, removes or rewrites records before it cannot make the chain match it again without
 * the private key.
 *
 * @param records   how many records the log had received when it was made (retention removing old ones later does
 *                  not change it)
 * @param head      the {@code record_hash} of the last of them
 * @param at        when it was made
 * @param key       the signing key's fingerprint
 * @param signature the Ed25519 signature of {@link #payload()}, base64
 */
record Checkpoint(long records, String head, Instant at, String key, String signature) {

    /** The bytes signed: every fact but the signature, one per line after a version tag. */
    byte[] payload() {
        return ("mxcp-audit-checkpoint/1\n" + records + "\n" + head + "\n" + at + "\n" + key)
                .getBytes(StandardCharsets.UTF_8);
    }

    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("records", records);
        fields.put("head", head);
        fields.put("at", at.toString());
        fields.put("key", key);
        fields.put("signature", signature);
        return fields;
    }

    /** @throws IllegalArgumentException when a field is missing or of the wrong type */
    static Checkpoint of(Map<?, ?> fields) {
        if (!(fields.get("records") instanceof Number records) || !(fields.get("head") instanceof String head)
                || !(fields.get("at") instanceof String at) || !(fields.get("key") instanceof String key)
                || !(fields.get("signature") instanceof String signature)) {
            throw new IllegalArgumentException("a checkpoint needs records, head, at, key and signature");
        }
        return new Checkpoint(records.longValue(), head, Instant.parse(at), key, signature);
    }
}
