package io.mxcp.core.internal.audit.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas of the records MXCP writes itself, registered when a log's registry lacks them: {@code mxcp.endpoints}
 * v2 (an endpoint call, as the original registers it, spec 03 §3.4) and {@code mxcp.access} v1 (a refused request,
 * ours, spec 03b D.38). Both keep records 90 days and redact nothing beyond what a project marks {@code sensitive}.
 */
public final class BuiltinSchemas {

    public static final String ENDPOINTS = "mxcp.endpoints";
    public static final int ENDPOINTS_VERSION = 2;
    public static final String ACCESS = "mxcp.access";
    public static final int ACCESS_VERSION = 1;

    static final int RETENTION_DAYS = 90;
    static final String REGISTERED_BY = "mxcp";

    private BuiltinSchemas() {
    }

    static List<AuditSchema> all(String registeredAt) {
        return List.of(endpoints(registeredAt), access(registeredAt));
    }

    static AuditSchema endpoints(String registeredAt) {
        return new AuditSchema(ENDPOINTS, ENDPOINTS_VERSION,
                "One call of a tool, resource or prompt: who called it, with what, what it returned and what the"
                        + " policies decided",
                RETENTION_DAYS, "detailed",
                List.of("operation_type", "operation_name", "operation_status", "policy_decision"), false,
                registeredAt, REGISTERED_BY, true, List.of("operation_type", "operation_name", "timestamp", "user_id"),
                List.of(field("operation_type", "string", true, false), field("operation_name", "string", true, false),
                        field("input_data", "object", false, true), field("output_data", "any", false, false),
                        field("execution_events", "array", false, false), field("error", "string", false, false),
                        field("policy_decision", "string", false, false),
                        field("policy_reason", "string", false, false)),
                List.of());
    }

    static AuditSchema access(String registeredAt) {
        return new AuditSchema(ACCESS, ACCESS_VERSION,
                "One request the server refused before any endpoint ran (no, an invalid or an expired token, a"
                        + " missing scope, an unknown session)",
                RETENTION_DAYS, "detailed", List.of(), false, registeredAt, REGISTERED_BY, true,
                List.of("operation_name", "timestamp", "user_id"),
                List.of(field("operation_name", "string", true, false), field("error", "string", true, false),
                        field("business_context", "object", true, false)),
                List.of());
    }

    private static Map<String, Object> field(String name, String type, boolean required, boolean sensitive) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", name);
        field.put("type", type);
        field.put("required", required);
        field.put("description", null);
        field.put("sensitive", sensitive);
        return field;
    }
}
