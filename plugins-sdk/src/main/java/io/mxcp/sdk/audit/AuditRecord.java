package io.mxcp.sdk.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audited endpoint call.
 *
 * @param id             unique id of the record
 * @param timestamp      when the call started
 * @param callerType     {@code cli}, {@code http} or {@code stdio}
 * @param eventType      {@code tool}, {@code resource} or {@code prompt}
 * @param name           the endpoint's name or URI
 * @param inputs         the arguments, with sensitive values already redacted
 * @param durationMs     how long the call took
 * @param policyDecision {@code allow}, {@code deny}, {@code warn} or {@code n/a}
 * @param reason         why a policy decided so, or null
 * @param status         {@code success} or {@code error}
 * @param error          the error message, or null
 * @param user           the caller's user id, or null
 * @param extra          further fields a backend should keep as they are
 */
public record AuditRecord(
        String id,
        Instant timestamp,
        String callerType,
        String eventType,
        String name,
        Map<String, Object> inputs,
        long durationMs,
        String policyDecision,
        String reason,
        String status,
        String error,
        String user,
        Map<String, Object> extra) {
}
