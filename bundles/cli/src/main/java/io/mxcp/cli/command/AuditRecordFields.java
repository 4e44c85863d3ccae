package io.mxcp.cli.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.sdk.audit.AuditRecord;

/**
 * An audit record's fields under the original's keys and in its orders: all of them for an export, a summary for
 * {@code mxcp log --json}. The timestamp is ISO-8601 text in UTC; the data fields stay the JSON values they are.
 */
final class AuditRecordFields {

    /** The keys of a record in {@code mxcp log --json}, in the original's order. */
    private static final List<String> LISTED = List.of("record_id", "timestamp", "caller_type", "operation_type",
            "operation_name", "duration_ms", "user_id", "session_id", "trace_id", "operation_status", "error",
            "business_context", "policy_decision");

    /** The export columns, in the original's order (not the record's). */
    private static final List<String> EXPORTED = List.of("record_id", "timestamp", "caller_type", "operation_type",
            "operation_name", "duration_ms", "user_id", "session_id", "trace_id", "operation_status", "error",
            "policy_decision", "policy_reason", "business_context", "execution_events", "schema_name",
            "schema_version", "input_data", "output_data", "policies_evaluated", "prev_hash", "record_hash",
            "signature");

    private AuditRecordFields() {
    }

    /** Every field, in the export column order of spec 02 §7.1. */
    static Map<String, Object> exported(AuditRecord record) {
        Map<String, Object> all = record.fields();
        all.put("timestamp", record.timestamp().toString());
        Map<String, Object> fields = new LinkedHashMap<>();
        EXPORTED.forEach(key -> fields.put(key, all.get(key)));
        return fields;
    }

    /** The summary {@code mxcp log --json} lists (nulls kept). */
    static Map<String, Object> listed(AuditRecord record) {
        Map<String, Object> all = exported(record);
        Map<String, Object> fields = new LinkedHashMap<>();
        LISTED.forEach(key -> fields.put(key, all.get(key)));
        return fields;
    }
}
