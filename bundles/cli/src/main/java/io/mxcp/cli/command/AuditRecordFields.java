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

    private AuditRecordFields() {
    }

    /** Every field, in the export column order of spec 02 §7.1. */
    static Map<String, Object> exported(AuditRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("record_id", record.recordId());
        fields.put("timestamp", record.timestamp().toString());
        fields.put("caller_type", record.callerType());
        fields.put("operation_type", record.operationType());
        fields.put("operation_name", record.operationName());
        fields.put("duration_ms", record.durationMs());
        fields.put("user_id", record.userId());
        fields.put("session_id", record.sessionId());
        fields.put("trace_id", record.traceId());
        fields.put("operation_status", record.operationStatus());
        fields.put("error", record.error());
        fields.put("policy_decision", record.policyDecision());
        fields.put("policy_reason", record.policyReason());
        fields.put("business_context", record.businessContext());
        fields.put("execution_events", record.executionEvents());
        fields.put("schema_name", record.schemaName());
        fields.put("schema_version", record.schemaVersion());
        fields.put("input_data", record.inputData());
        fields.put("output_data", record.outputData());
        fields.put("policies_evaluated", record.policiesEvaluated());
        fields.put("prev_hash", record.prevHash());
        fields.put("record_hash", record.recordHash());
        fields.put("signature", record.signature());
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
