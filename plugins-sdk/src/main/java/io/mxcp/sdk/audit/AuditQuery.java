package io.mxcp.sdk.audit;

import java.time.Instant;
import java.util.List;

/**
 * A filter over audit records: every non-empty condition must hold (AND); a list matches any of its values (IN).
 *
 * @param operationTypes   {@code tool}, {@code resource}, {@code prompt}
 * @param operationNames   endpoint names (resource URI templates as declared)
 * @param statuses         {@code success}, {@code error}
 * @param policyDecisions  {@code allow}, {@code deny}, {@code warn}
 * @param userIds          caller ids
 * @param sessionIds       MCP session ids
 * @param traceIds         trace ids
 * @param since            earliest timestamp (inclusive), or null
 * @param until            latest timestamp (inclusive), or null
 * @param limit            the most records to return, 0 for all
 */
public record AuditQuery(List<String> operationTypes, List<String> operationNames, List<String> statuses,
        List<String> policyDecisions, List<String> userIds, List<String> sessionIds, List<String> traceIds,
        Instant since, Instant until, int limit) {

    /** Every record. */
    public static final AuditQuery ALL = new AuditQuery(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), null, null, 0);

    public AuditQuery {
        operationTypes = copy(operationTypes);
        operationNames = copy(operationNames);
        statuses = copy(statuses);
        policyDecisions = copy(policyDecisions);
        userIds = copy(userIds);
        sessionIds = copy(sessionIds);
        traceIds = copy(traceIds);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    /** Whether the record passes every condition but the limit. */
    public boolean matches(AuditRecord record) {
        return within(operationTypes, record.operationType()) && within(operationNames, record.operationName())
                && within(statuses, record.operationStatus()) && within(policyDecisions, record.policyDecision())
                && within(userIds, record.userId()) && within(sessionIds, record.sessionId())
                && within(traceIds, record.traceId())
                && (since == null || !record.timestamp().isBefore(since))
                && (until == null || !record.timestamp().isAfter(until));
    }

    private static boolean within(List<String> values, String value) {
        // immutable lists refuse contains(null); a missing value matches no listed one
        return values.isEmpty() || value != null && values.contains(value);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
