package io.mxcp.core.internal.audit;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.mxcp.core.api.RefusedRequest;
import io.mxcp.core.internal.audit.schema.BuiltinSchemas;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * Builds the {@code mxcp.access} record of a request the server refused before any endpoint ran (spec 03b D.38), in
 * the shape of an endpoint call's so that the log's readers, its chain and its retention take both: the request is
 * the operation ({@code request}, named by its JSON-RPC method or else {@code POST /mcp}), always an error denied by
 * the server, and {@code business_context} holds the HTTP facts. The texts a client chose are cut to a bound, so a
 * refused client cannot make its records large.
 */
final class AccessRecords {

    static final String OPERATION_TYPE = "request";

    /** A session id is 32 hex digits; what a client presents beyond twice that is of no use to an operator. */
    private static final int MAX_SESSION_ID = 64;
    private static final int MAX_NAME = 128;
    private static final int MAX_REASON = 512;

    private AccessRecords() {
    }

    /** @param schemaVersion the {@code mxcp.access} version records are written under */
    static AuditRecord of(RefusedRequest refusal, int schemaVersion) {
        String name = refusal.rpcMethod() != null ? bounded(refusal.rpcMethod(), MAX_NAME)
                : refusal.httpMethod() + " " + bounded(refusal.path(), MAX_NAME);
        String reason = bounded(refusal.reason(), MAX_REASON);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("http_status", refusal.httpStatus());
        context.put("http_method", refusal.httpMethod());
        context.put("path", bounded(refusal.path(), MAX_NAME));
        context.put("client_address", bounded(refusal.clientAddress(), MAX_NAME));
        context.put("suppressed", refusal.suppressed());
        // microseconds: what the log keeps, so the record's hash still matches once read back
        return new AuditRecord(BuiltinSchemas.ACCESS, schemaVersion, UUID.randomUUID().toString(),
                refusal.at().truncatedTo(ChronoUnit.MICROS), OPERATION_TYPE, name, CallRecords.ERROR, 0, "http",
                bounded(refusal.userId(), MAX_NAME), bounded(refusal.sessionId(), MAX_SESSION_ID), null, Map.of(),
                null, reason, List.of(), "deny", reason, context, List.of(), null, null, null);
    }

    /** The text, or its first {@code max} characters and an ellipsis. */
    private static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
