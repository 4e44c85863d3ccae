package io.mxcp.core.api;

/**
 * Who makes a call that the active profile's audit log records (only servers' calls are recorded, spec 03 §3.2).
 *
 * @param type      {@code http} or {@code stdio}
 * @param sessionId the MCP session the call belongs to, or null (stateless requests, stdio)
 * @since 1.5
 */
public record AuditCaller(String type, String sessionId) {
}
