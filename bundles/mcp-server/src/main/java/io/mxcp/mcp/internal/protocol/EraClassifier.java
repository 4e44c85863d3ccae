package io.mxcp.mcp.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;

/**
 * Decides which era a request belongs to (spec 04b §1), once per request, and rejects what neither era accepts.
 *
 * <p>The body decides: a request whose {@code params._meta} has {@code io.modelcontextprotocol/protocolVersion}
 * is modern whatever the value; everything else is legacy. On HTTP the MCP headers of a modern request are
 * cross-checked against the body before the version is judged (-32020), the envelope must be complete (-32602)
 * and the version supported (-32022); a modern {@code MCP-Protocol-Version} header on a request without the
 * envelope is -32602 (what the conformance suite asserts), never a silent legacy fallback. On stdio the first
 * modern request other than {@code server/discover} pins the connection modern and the first {@code initialize}
 * pins it legacy; after that a 2026-07-28 request (but {@code server/discover}) or an {@code initialize} on the
 * other era's connection is -32022, and a request without the envelope on a modern one -32602.
 */
public final class EraClassifier {
    private static final String INITIALIZE = "initialize";
    private static final String DISCOVER = "server/discover";
    private static final String INITIALIZED = "notifications/initialized";

    private EraClassifier() {
    }

    /** A streamable HTTP POST. Legacy session checks are the transport's. */
    public static Classification classifyHttp(JsonRpcMessage message, InboundHeaders headers) throws JsonRpcException {
        ObjectNode meta = message.meta();
        String headerVersion = trimmed(headers.protocolVersion());
        if (hasClaim(meta)) {
            String claim = claimedVersion(meta);
            checkHeaders(message, headers, headerVersion, claim);
            refuseHandshakeNotification(message);
            return modern(meta, claim);
        }
        if (ProtocolVersions.isModern(headerVersion)) {
            if (message.isNotification()) {
                // Notifications carry no envelope: the header alone makes them modern.
                refuseHandshakeNotification(message);
                return new Classification(Era.MODERN, headerVersion);
            }
            throw JsonRpcErrors.invalidEnvelope("Invalid params: the MCP-Protocol-Version header names " + headerVersion
                    + (meta == null ? " but params has no _meta object" : " but params._meta lacks " + MetaKeys.PROTOCOL_VERSION));
        }
        if (headerVersion != null && !message.method().equals(INITIALIZE)
                && !ProtocolVersions.isModern(headerVersion) && !ProtocolVersions.isSupportedLegacy(headerVersion)) {
            throw JsonRpcErrors.unsupportedVersion(headerVersion, ProtocolVersions.SUPPORTED);
        }
        return new Classification(Era.LEGACY, message.method().equals(INITIALIZE) ? message.textParam("protocolVersion")
                : headerVersion);
    }

    /** A stdio message; updates the connection's pin. */
    public static Classification classifyStdio(JsonRpcMessage message, StdioPin pin) throws JsonRpcException {
        ObjectNode meta = message.meta();
        if (hasClaim(meta)) {
            String claim = claimedVersion(meta);
            boolean discover = message.method().equals(DISCOVER);
            Classification modern = modern(meta, claim);
            if (pin.era() == Era.LEGACY && !discover) {
                throw JsonRpcErrors.unsupportedVersion(claim, ProtocolVersions.SUPPORTED, " on this connection, which "
                        + "speaks an older revision since its initialize (start a new one for " + ProtocolVersions.MODERN
                        + ")");
            }
            if (!discover) {
                pin.pin(Era.MODERN);
            }
            return modern;
        }
        boolean initialize = message.method().equals(INITIALIZE);
        if (pin.era() == Era.MODERN && !message.isNotification()) {
            if (initialize) {
                throw JsonRpcErrors.unsupportedVersion(message.textParam("protocolVersion"), ProtocolVersions.SUPPORTED,
                        " on this connection, which speaks " + ProtocolVersions.MODERN + " since its first "
                                + ProtocolVersions.MODERN + " request (start a new one for an older revision)");
            }
            throw JsonRpcErrors.invalidEnvelope("Invalid params: this connection speaks " + ProtocolVersions.MODERN
                    + " and params._meta lacks " + MetaKeys.PROTOCOL_VERSION);
        }
        if (initialize) {
            Initialize.requireShape(message.params()); // a refused initialize leaves the connection unpinned
            pin.pin(Era.LEGACY);
            return new Classification(Era.LEGACY, message.textParam("protocolVersion"));
        }
        return new Classification(Era.LEGACY, null);
    }

    /**
     * {@code notifications/initialized} ends a handshake that 2026-07-28 no longer has (spec 04b §2: -32601, HTTP 404);
     * the other removed methods are requests, which find no handler.
     */
    private static void refuseHandshakeNotification(JsonRpcMessage message) throws JsonRpcException {
        if (message.isNotification() && message.method().equals(INITIALIZED)) {
            throw JsonRpcErrors.methodNotFound(INITIALIZED, true);
        }
    }

    private static boolean hasClaim(ObjectNode meta) {
        return meta != null && meta.has(MetaKeys.PROTOCOL_VERSION);
    }

    private static String claimedVersion(ObjectNode meta) throws JsonRpcException {
        JsonNode value = meta.get(MetaKeys.PROTOCOL_VERSION);
        if (!value.isTextual()) {
            throw JsonRpcErrors.invalidEnvelope("Invalid params: _meta." + MetaKeys.PROTOCOL_VERSION + " must be a string");
        }
        return value.asText();
    }

    private static Classification modern(ObjectNode meta, String claim) throws JsonRpcException {
        if (!(meta.get(MetaKeys.CLIENT_CAPABILITIES) instanceof ObjectNode)) {
            throw JsonRpcErrors.invalidEnvelope("Invalid params: _meta." + MetaKeys.CLIENT_CAPABILITIES
                    + " is required (an object; {} declares none)");
        }
        if (ProtocolVersions.isSupportedLegacy(claim)) {
            throw JsonRpcErrors.unsupportedVersion(claim, ProtocolVersions.SUPPORTED, " in params._meta: only "
                    + ProtocolVersions.MODERN + " requests describe themselves; " + claim + " is spoken after an "
                    + "initialize handshake");
        }
        if (!ProtocolVersions.isModern(claim)) {
            throw JsonRpcErrors.unsupportedVersion(claim, ProtocolVersions.SUPPORTED);
        }
        return new Classification(Era.MODERN, claim);
    }

    private static void checkHeaders(JsonRpcMessage message, InboundHeaders headers, String headerVersion, String claim)
            throws JsonRpcException {
        expectHeader("MCP-Protocol-Version", headerVersion, claim);
        String method = trimmed(headers.method());
        // the official v2 client sends Mcp-Method with requests only; a notification's is checked when present
        if (method != null || !message.isNotification()) {
            expectHeader("Mcp-Method", method, message.method());
        }
        String nameMember = switch (message.method()) {
            case "tools/call", "prompts/get" -> "name";
            case "resources/read" -> "uri";
            default -> null;
        };
        String bodyName = nameMember == null ? null : message.textParam(nameMember);
        if (bodyName != null) {
            expectHeader("Mcp-Name", decoded(trimmed(headers.name())), bodyName);
        }
    }

    /**
     * A value sent as raw UTF-8 (which HTTP reads byte by byte, so it would only ever mismatch with a garbled name) is
     * named as the client meant it, with the encoding the revision asks for.
     */
    private static void requireAscii(String value) throws JsonRpcException {
        if (value.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw JsonRpcErrors.headerMismatch("Mcp-Name header value '"
                    + new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                    + "' is not plain ASCII: send a name with other characters as "
                    + "=?base64?<its UTF-8 bytes in Base64>?=");
        }
    }

    private static void expectHeader(String header, String actual, String body) throws JsonRpcException {
        if (actual == null) {
            throw JsonRpcErrors.headerMismatch(header + " header is missing; the body says '" + body + "'");
        }
        if (!actual.equals(body)) {
            throw JsonRpcErrors.headerMismatch(header + " header value '" + actual + "' does not match body value '"
                    + body + "'");
        }
    }

    /** RFC 9110 §5.5: a field value excludes surrounding whitespace. */
    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    /** Values that are not plain ASCII arrive as {@code =?base64?<data>?=}. */
    private static String decoded(String value) throws JsonRpcException {
        if (value == null || !value.startsWith("=?base64?") || !value.endsWith("?=")) {
            if (value != null) {
                requireAscii(value);
            }
            return value;
        }
        try {
            return new String(Base64.getDecoder().decode(value.substring(9, value.length() - 2)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw JsonRpcErrors.headerMismatch("Mcp-Name header has invalid Base64: " + value);
        }
    }
}
