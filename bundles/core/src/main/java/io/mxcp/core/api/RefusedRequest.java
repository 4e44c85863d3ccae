package io.mxcp.core.api;

import java.time.Instant;

/**
 * A request the MCP server refused before any endpoint ran — no or an invalid bearer token (401), a missing scope
 * (403), an unknown or another user's session (404) — as the audit log records it ({@link AuditTrail#recordRefusal}).
 * Every text may come from the client: the audit trail bounds its length.
 *
 * @param at            when the request was refused
 * @param httpStatus    the status the client got
 * @param httpMethod    {@code POST}, {@code GET} or {@code DELETE}
 * @param path          the request's path, such as {@code /mcp}
 * @param rpcMethod     the JSON-RPC method the request named, or null when not read (a refusal before the body)
 * @param clientAddress who sent it, as the server's per-client limits see it
 * @param userId        the token's user when known (a missing scope, an unknown session), else null
 * @param sessionId     the session id the request presented, or null
 * @param reason        why it was refused, such as {@code invalid_token: The token expired}; never the token
 * @param suppressed    this client's earlier refusals left unrecorded by the per-client limit since its last record
 * @since 1.8
 */
public record RefusedRequest(Instant at, int httpStatus, String httpMethod, String path, String rpcMethod,
        String clientAddress, String userId, String sessionId, String reason, long suppressed) {
}
