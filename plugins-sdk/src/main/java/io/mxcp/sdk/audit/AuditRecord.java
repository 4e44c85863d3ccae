package io.mxcp.sdk.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One audited endpoint call, schema {@code mxcp.endpoints} (spec 03 §3), or a request the MCP server refused before
 * any endpoint ran, schema {@code mxcp.access} (operation type {@code request}; see the core's {@code AuditTrail}).
 * Values inside the data fields are JSON-ready (maps, lists, strings, numbers, booleans, null); sensitive inputs and
 * outputs are already redacted.
 *
 * @param schemaName        {@code mxcp.endpoints} or {@code mxcp.access}
 * @param schemaVersion     the schema's version
 * @param recordId          a random UUID
 * @param timestamp         when the call ended (UTC)
 * @param operationType     {@code tool}, {@code resource} or {@code prompt}; {@code request} for a refused request
 * @param operationName     the tool or prompt name, or the resource's URI template as declared
 * @param operationStatus   {@code success} or {@code error}
 * @param durationMs        the call's wall time in whole milliseconds
 * @param callerType        {@code http}, {@code stdio}, {@code cli}, {@code api}, {@code system} or {@code unknown}
 * @param userId            the caller's user id, or null
 * @param sessionId         the MCP session id, or null (stateless requests, stdio)
 * @param traceId           the trace id when tracing is on, or null
 * @param inputData         the arguments as the caller sent them
 * @param outputData        what the caller got back, or null on error
 * @param error             the error message, or null
 * @param policiesEvaluated the policy rules reached ({@code input[i]: <condition>}, then {@code output[i]: ...})
 * @param policyDecision    {@code allow}, {@code deny}, {@code warn}, or null for an endpoint without policies
 * @param policyReason      why a policy denied or changed the call, or null
 * @param businessContext   fields extracted for quick filtering
 * @param executionEvents   sub-operations reported during the call
 * @param prevHash          the previous record's {@code recordHash} (null for the first record of a log)
 * @param recordHash        the SHA-256 of this record's canonical form, {@code sha256:<hex>}
 * @param signature         a signature of the record, or null
 */
public record AuditRecord(
        String schemaName,
        int schemaVersion,
        String recordId,
        Instant timestamp,
        String operationType,
        String operationName,
        String operationStatus,
        long durationMs,
        String callerType,
        String userId,
        String sessionId,
        String traceId,
        Map<String, Object> inputData,
        Object outputData,
        String error,
        List<String> policiesEvaluated,
        String policyDecision,
        String policyReason,
        Map<String, Object> businessContext,
        List<Map<String, Object>> executionEvents,
        String prevHash,
        String recordHash,
        String signature) {

    public AuditRecord {
        inputData = inputData == null ? Map.of() : inputData;
        policiesEvaluated = policiesEvaluated == null ? List.of() : List.copyOf(policiesEvaluated);
        businessContext = businessContext == null ? Map.of() : businessContext;
        executionEvents = executionEvents == null ? List.of() : executionEvents;
    }

    /**
     * Every field under its schema name ({@code schema_name}, {@code record_id}, ...), in the schema's order (spec 03
     * §3.3); the timestamp stays an {@link Instant}, each reader formats it as its output needs.
     *
     * @since 2.1
     */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("schema_name", schemaName);
        fields.put("schema_version", schemaVersion);
        fields.put("record_id", recordId);
        fields.put("timestamp", timestamp);
        fields.put("operation_type", operationType);
        fields.put("operation_name", operationName);
        fields.put("operation_status", operationStatus);
        fields.put("duration_ms", durationMs);
        fields.put("caller_type", callerType);
        fields.put("user_id", userId);
        fields.put("session_id", sessionId);
        fields.put("trace_id", traceId);
        fields.put("input_data", inputData);
        fields.put("output_data", outputData);
        fields.put("error", error);
        fields.put("policies_evaluated", policiesEvaluated);
        fields.put("policy_decision", policyDecision);
        fields.put("policy_reason", policyReason);
        fields.put("business_context", businessContext);
        fields.put("execution_events", executionEvents);
        fields.put("prev_hash", prevHash);
        fields.put("record_hash", recordHash);
        fields.put("signature", signature);
        return fields;
    }

    /** This record, chained after the record whose hash is {@code prevHash}, with its own hash. */
    public AuditRecord chained(String prevHash, String recordHash) {
        return new AuditRecord(schemaName, schemaVersion, recordId, timestamp, operationType, operationName,
                operationStatus, durationMs, callerType, userId, sessionId, traceId, inputData, outputData, error,
                policiesEvaluated, policyDecision, policyReason, businessContext, executionEvents, prevHash,
                recordHash, signature);
    }
}
