package io.mxcp.core.internal.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.mxcp.core.api.AuditCaller;
import io.mxcp.core.internal.audit.schema.AuditSchema;
import io.mxcp.core.internal.audit.schema.BuiltinSchemas;
import io.mxcp.core.internal.pipeline.CallTrace;
import io.mxcp.core.internal.policy.PolicyOutcome;
import io.mxcp.core.internal.sqltools.BuiltinSqlTools;
import io.mxcp.core.internal.types.SensitiveRedaction;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * Builds the {@code mxcp.endpoints} record of one call (spec 03 §3.3), its hash chain left to the writer: values the
 * endpoint marks {@code sensitive} masked, then the schema's business context extracted and its redactions applied
 * (spec 03 §3.5). Unlike the original, the context is taken from the redacted arguments, so an extracted field never
 * shows a value a redaction hides, and the values hidden are taken out of the error and the policy's reason too.
 */
final class CallRecords {

    static final String SUCCESS = "success";
    static final String ERROR = "error";

    private CallRecords() {
    }

    /**
     * @param identifier the name the call used (a resource's URI template as declared)
     * @param output     what the caller got back, or null on error
     * @param error      the error message, or null
     * @param trail      the log: what a sensitive value becomes, the schema records are written under
     */
    static AuditRecord of(EndpointKind kind, String identifier, Map<String, Object> arguments, CallTrace trace,
            AuditCaller caller, UserContext user, long durationMs, Object output, String error,
            ProjectAuditTrail trail) {
        EndpointDefinition definition = trace.definition();
        Map<String, Object> input = arguments == null ? Map.of() : arguments;
        Object recordedOutput = output;
        HiddenValues hidden = new HiddenValues(trace.hidden());
        Function<Object, String> mask = value -> hidden.mask(value, trail::masked);
        if (definition != null) {
            input = SensitiveRedaction.arguments(input, definition.parameters(), mask);
            recordedOutput = BuiltinSqlTools.isBuiltin(definition) ? null
                    : SensitiveRedaction.value(output, definition.returns(), mask);
        }
        Optional<AuditSchema> schema = trail.schemas().current(BuiltinSchemas.ENDPOINTS);
        if (schema.isPresent()) {
            input = schema.get().redactedArguments(input, hidden);
            recordedOutput = schema.get().redactedResult(recordedOutput, hidden);
        }
        PolicyOutcome policies = trace.policies();
        String status = error == null ? SUCCESS : ERROR;
        String userId = user == null ? null : user.userId();
        // microseconds: what the log keeps, so the record's hash still matches once read back
        Instant end = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> context = schema.isEmpty() ? Map.of() : schema.get().businessContext(
                facts(kind, identifier, status, policies.decision(), caller.type(), userId, durationMs, input));
        return new AuditRecord(BuiltinSchemas.ENDPOINTS, schema.map(AuditSchema::version).orElse(1),
                UUID.randomUUID().toString(), end, kind.yamlKey(), identifier, status, durationMs, caller.type(),
                userId, caller.sessionId(), trace.telemetry().traceId(), input, recordedOutput, hidden.scrub(error),
                policies.evaluated(), policies.decision(), hidden.scrub(policies.reason()), context, List.of(), null,
                null, null);
    }

    /**
     * What the schema's extracted fields are read from: the call's facts overlaid by its top-level arguments (an
     * argument named like a fact wins, as in the original).
     */
    private static Map<String, Object> facts(EndpointKind kind, String identifier, String status, String decision,
            String callerType, String userId, long durationMs, Map<String, Object> input) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("operation_type", kind.yamlKey());
        facts.put("operation_name", identifier);
        facts.put("operation_status", status);
        facts.put("policy_decision", decision);
        facts.put("caller_type", callerType);
        facts.put("user_id", userId);
        facts.put("duration_ms", durationMs);
        facts.putAll(input);
        return facts;
    }
}
