package io.mxcp.core.internal.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.mxcp.core.api.AuditCaller;
import io.mxcp.core.internal.pipeline.CallTrace;
import io.mxcp.core.internal.policy.PolicyOutcome;
import io.mxcp.core.internal.sqltools.BuiltinSqlTools;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.audit.AuditRecord;

/** Builds the {@code mxcp.endpoints} record of one call (spec 03 §3.3), its hash chain left to the writer. */
final class CallRecords {

    static final String SCHEMA_NAME = "mxcp.endpoints";
    static final int SCHEMA_VERSION = 2;
    static final String SUCCESS = "success";
    static final String ERROR = "error";

    /** The fields the schema extracts into {@code business_context} (spec 03 §3.4). */
    private static final List<String> EXTRACTED = List.of("operation_type", "operation_name", "operation_status",
            "policy_decision");

    private CallRecords() {
    }

    /**
     * @param identifier the name the call used (a resource's URI template as declared)
     * @param output     what the caller got back, or null on error
     * @param error      the error message, or null
     * @param mask       what a sensitive value becomes
     */
    static AuditRecord of(EndpointKind kind, String identifier, Map<String, Object> arguments, CallTrace trace,
            AuditCaller caller, UserContext user, long durationMs, Object output, String error,
            Function<Object, String> mask) {
        EndpointDefinition definition = trace.definition();
        Map<String, Object> input = arguments == null ? Map.of() : arguments;
        Object recordedOutput = output;
        if (definition != null) {
            input = SensitiveRedaction.arguments(input, definition.parameters(), mask);
            recordedOutput = BuiltinSqlTools.isBuiltin(definition) ? null
                    : SensitiveRedaction.value(output, definition.returns(), mask);
        }
        PolicyOutcome policies = trace.policies();
        String status = error == null ? SUCCESS : ERROR;
        String userId = user == null ? null : user.userId();
        // microseconds: what the log keeps, so the record's hash still matches once read back
        Instant end = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> context = businessContext(kind, identifier, status, policies.decision(), caller.type(),
                userId, durationMs, input);
        return new AuditRecord(SCHEMA_NAME, SCHEMA_VERSION, UUID.randomUUID().toString(), end, kind.yamlKey(),
                identifier, status, durationMs, caller.type(), userId, caller.sessionId(), trace.telemetry().traceId(),
                input, recordedOutput, error, policies.evaluated(), policies.decision(), policies.reason(), context,
                List.of(), null, null, null);
    }

    /**
     * The schema's extracted fields, read from the call's facts overlaid by its top-level arguments (an argument
     * named like a fact wins, as in the original).
     */
    private static Map<String, Object> businessContext(EndpointKind kind, String identifier, String status,
            String decision, String callerType, String userId, long durationMs, Map<String, Object> input) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("operation_type", kind.yamlKey());
        facts.put("operation_name", identifier);
        facts.put("operation_status", status);
        facts.put("policy_decision", decision);
        facts.put("caller_type", callerType);
        facts.put("user_id", userId);
        facts.put("duration_ms", durationMs);
        facts.putAll(input);
        Map<String, Object> context = new LinkedHashMap<>();
        for (String field : EXTRACTED) {
            if (facts.get(field) != null) {
                context.put(field, facts.get(field));
            }
        }
        return context;
    }
}
