package io.mxcp.sdk.audit;

import java.time.Instant;

/**
 * A filter over audit records; null fields do not filter.
 *
 * @param name      endpoint name or URI
 * @param eventType {@code tool}, {@code resource} or {@code prompt}
 * @param policy    policy decision
 * @param status    {@code success} or {@code error}
 * @param since     earliest timestamp
 * @param limit     the most records to return (newest first)
 */
public record AuditQuery(String name, String eventType, String policy, String status, Instant since, int limit) {
}
