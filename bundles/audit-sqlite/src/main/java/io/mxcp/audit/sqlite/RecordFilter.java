package io.mxcp.audit.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.mxcp.sdk.audit.AuditQuery;

/**
 * A query's conditions as an SQL {@code WHERE} clause over the record columns. Only column names and placeholders
 * go into the text; every value the caller chose is bound as a parameter.
 */
final class RecordFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    private RecordFilter() {
    }

    static RecordFilter of(AuditQuery query) {
        RecordFilter filter = new RecordFilter();
        filter.anyOf("operation_type", query.operationTypes());
        filter.anyOf("operation_name", query.operationNames());
        filter.anyOf("operation_status", query.statuses());
        filter.anyOf("policy_decision", query.policyDecisions());
        filter.anyOf("user_id", query.userIds());
        filter.anyOf("session_id", query.sessionIds());
        filter.anyOf("trace_id", query.traceIds());
        if (query.since() != null) {
            filter.add("timestamp_us >= ?", EpochMicros.ceiling(query.since()));
        }
        if (query.until() != null) {
            filter.add("timestamp_us <= ?", EpochMicros.floor(query.until()));
        }
        return filter;
    }

    /** {@code " WHERE ..."}, or nothing when the query has no condition. */
    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * Binds the values from the first parameter on.
     *
     * @return the number of the next parameter
     */
    int bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }

    /** A column holding one of the values; as in {@link AuditQuery#matches}, a null column matches none. */
    private void anyOf(String column, List<String> values) {
        if (!values.isEmpty()) {
            conditions.add(column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")");
            parameters.addAll(values);
        }
    }

    private void add(String condition, Object parameter) {
        conditions.add(condition);
        parameters.add(parameter);
    }
}
