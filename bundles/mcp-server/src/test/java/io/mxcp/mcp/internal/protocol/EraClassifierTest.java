package io.mxcp.mcp.internal.protocol;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.initialize;
import static io.mxcp.mcp.internal.Messages.legacy;
import static io.mxcp.mcp.internal.Messages.modern;
import static io.mxcp.mcp.internal.Messages.modernWithVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.Messages;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;

class EraClassifierTest {
    private final JsonRpcCodec codec = new JsonRpcCodec(new ObjectMapper());

    private JsonRpcMessage message(JsonNode node) throws JsonRpcException {
        return codec.toMessage(node);
    }

    private static InboundHeaders headers(String version, String method, String name) {
        return new InboundHeaders(version, method, name, null);
    }

    @Test
    void modernRequestWithMatchingHeadersIsModern() throws Exception {
        Classification c = EraClassifier.classifyHttp(message(modern(1, "tools/call", call("echo", null))),
                headers("2026-07-28", "tools/call", " echo "));
        assertEquals(Era.MODERN, c.era());
        assertEquals("2026-07-28", c.protocolVersion());
    }

    @Test
    void methodHeaderMismatchIsMinus32020NamingBothValues() throws Exception {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> EraClassifier.classifyHttp(
                message(modern(1, "tools/list", null)), headers("2026-07-28", "tools/call", null)));
        assertEquals(-32020, e.code());
        assertEquals(400, e.httpStatus());
        assertEquals("Header mismatch: Mcp-Method header value 'tools/call' does not match body value 'tools/list'",
                e.getMessage());
    }

    @Test
    void notificationMayOmitTheMethodHeaderButNotContradictIt() throws Exception {
        ObjectNode cancelled = modern(1, "notifications/cancelled", Messages.object().put("requestId", 4));
        cancelled.remove("id");
        assertEquals(Era.MODERN, EraClassifier.classifyHttp(message(cancelled), headers("2026-07-28", null, null))
                .era(), "the official v2 client sends Mcp-Method with requests only");
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> EraClassifier.classifyHttp(message(cancelled),
                headers("2026-07-28", "tools/call", null)));
        assertEquals(-32020, e.code());
        JsonRpcException request = assertThrows(JsonRpcException.class, () -> EraClassifier.classifyHttp(
                message(modern(1, "tools/list", null)), headers("2026-07-28", null, null)));
        assertEquals("Header mismatch: Mcp-Method header is missing; the body says 'tools/list'", request.getMessage());
    }

    @Test
    void headersAreCheckedBeforeTheVersion() throws Exception {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> EraClassifier.classifyHttp(
                message(modernWithVersion(1, "server/discover", null, "v999.0.0")),
                headers("2026-07-28", "server/discover", null)));
        assertEquals(-32020, e.code());
    }

    @Test
    void missingNameHeaderAndWrongNameAreRejected() throws Exception {
        JsonRpcMessage request = message(modern(1, "tools/call", call("echo", null)));
        JsonRpcException missing = assertThrows(JsonRpcException.class,
                () -> EraClassifier.classifyHttp(request, headers("2026-07-28", "tools/call", null)));
        assertTrue(missing.getMessage().contains("Mcp-Name header is missing"), missing.getMessage());
        JsonRpcException wrong = assertThrows(JsonRpcException.class,
                () -> EraClassifier.classifyHttp(request, headers("2026-07-28", "tools/call", "Echo")));
        assertEquals(-32020, wrong.code());
    }

    @Test
    void base64NameHeaderIsDecoded() throws Exception {
        String encoded = "=?base64?" + Base64.getEncoder().encodeToString("échø".getBytes(StandardCharsets.UTF_8)) + "?=";
        Classification c = EraClassifier.classifyHttp(message(modern(1, "tools/call", call("échø", null))),
                headers("2026-07-28", "tools/call", encoded));
        assertEquals(Era.MODERN, c.era());
    }

    @Test
    void aNameSentAsRawUtf8IsNamedAsMeantWithTheEncodingToUse() {
        // what HTTP hands over for the raw UTF-8 bytes of "Zoë": one character per byte
        String asRead = new String("files://Zoë/x.csv".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> EraClassifier.classifyHttp(
                message(modern(1, "resources/read", Messages.object().put("uri", "files://Zoë/x.csv"))),
                headers("2026-07-28", "resources/read", asRead)));
        assertEquals(-32020, e.code());
        assertEquals("Header mismatch: Mcp-Name header value 'files://Zoë/x.csv' is not plain ASCII: send a name with "
                + "other characters as =?base64?<its UTF-8 bytes in Base64>?=", e.getMessage());
    }

    @Test
    void unknownVersionIsMinus32022WithSupportedAndRequested() throws Exception {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> EraClassifier.classifyHttp(
                message(modernWithVersion(7, "server/discover", null, "v999.0.0")),
                headers("v999.0.0", "server/discover", null)));
        assertEquals(-32022, e.code());
        assertEquals(400, e.httpStatus());
        assertEquals("v999.0.0", e.data().get("requested").asText());
        assertEquals("[\"2026-07-28\",\"2025-11-25\",\"2025-06-18\",\"2025-03-26\"]", e.data().get("supported").toString());
    }

    @Test
    void envelopeWithoutClientCapabilitiesIsInvalidParams() throws Exception {
        var request = modern(1, "tools/list", null);
        ((com.fasterxml.jackson.databind.node.ObjectNode) request.get("params").get("_meta"))
                .remove("io.modelcontextprotocol/clientCapabilities");
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> EraClassifier.classifyHttp(message(request),
                headers("2026-07-28", "tools/list", null)));
        assertEquals(-32602, e.code());
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains("io.modelcontextprotocol/clientCapabilities"), e.getMessage());
    }

    @Test
    void modernHeaderWithoutEnvelopeIsInvalidParamsNotLegacy() throws Exception {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> EraClassifier.classifyHttp(
                message(legacy(1, "tools/list", null)), headers("2026-07-28", "tools/list", null)));
        assertEquals(-32602, e.code());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void initializeIsLegacyAndCarriesTheClientVersion() throws Exception {
        Classification c = EraClassifier.classifyHttp(message(initialize(1, "2025-06-18")), headers(null, null, null));
        assertEquals(Era.LEGACY, c.era());
        assertEquals("2025-06-18", c.protocolVersion());
        assertEquals("2025-06-18", ProtocolVersions.negotiateLegacy(c.protocolVersion()));
        assertEquals("2025-11-25", ProtocolVersions.negotiateLegacy("2026-07-28"));
        assertEquals("2025-11-25", ProtocolVersions.negotiateLegacy("2024-11-05"));
    }

    @Test
    void requestWithoutEnvelopeOrHeaderIsLegacy() throws Exception {
        Classification c = EraClassifier.classifyHttp(message(legacy(1, "tools/list", null)), headers(null, null, null));
        assertEquals(Era.LEGACY, c.era());
        assertNull(c.protocolVersion());
    }

    @Test
    void stdioDiscoverDoesNotPinButTheFirstModernRequestDoes() throws Exception {
        StdioPin pin = new StdioPin();
        EraClassifier.classifyStdio(message(modern(1, "server/discover", null)), pin);
        assertNull(pin.era());
        EraClassifier.classifyStdio(message(modern(2, "tools/list", null)), pin);
        assertEquals(Era.MODERN, pin.era());
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> EraClassifier.classifyStdio(message(initialize(3, "2025-11-25")), pin));
        assertEquals(-32022, e.code());
        assertEquals("2025-11-25", e.data().get("requested").asText());
        assertEquals("Unsupported protocol version: 2025-11-25 on this connection, which speaks 2026-07-28 since its"
                + " first 2026-07-28 request (start a new one for an older revision)", e.getMessage(),
                "the version is supported elsewhere: the message says why not here");
    }

    @Test
    void stdioInitializePinsLegacy() throws Exception {
        StdioPin pin = new StdioPin();
        EraClassifier.classifyStdio(message(initialize(1, "2025-11-25")), pin);
        assertEquals(Era.LEGACY, pin.era());
        assertEquals(Era.LEGACY, EraClassifier.classifyStdio(message(legacy(2, "tools/list", null)), pin).era());
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> EraClassifier.classifyStdio(message(modern(3, "tools/list", null)), pin));
        assertEquals(-32022, e.code());
        assertEquals("Unsupported protocol version: 2026-07-28 on this connection, which speaks an older revision "
                + "since its initialize (start a new one for 2026-07-28)", e.getMessage());
        assertEquals(Era.MODERN, EraClassifier.classifyStdio(message(modern(4, "server/discover", null)), pin).era(),
                "server/discover is answered on any connection");
        assertEquals(Era.LEGACY, pin.era());
    }

    @Test
    void stdioJudgesTheEnvelopeBeforeThePinAndARefusedInitializePinsNothing() throws Exception {
        StdioPin pin = new StdioPin();
        ObjectNode numbered = initialize(1, "2025-11-25");
        ((ObjectNode) numbered.get("params")).put("protocolVersion", 5);
        assertEquals(-32602, assertThrows(JsonRpcException.class,
                () -> EraClassifier.classifyStdio(message(numbered), pin)).code());
        assertNull(pin.era(), "a refused initialize leaves the connection free");
        EraClassifier.classifyStdio(message(initialize(2, "2025-11-25")), pin);
        JsonRpcException legacyInEnvelope = assertThrows(JsonRpcException.class,
                () -> EraClassifier.classifyStdio(message(modernWithVersion(3, "tools/list", null, "2025-11-25")), pin));
        assertTrue(legacyInEnvelope.getMessage().contains("is spoken after an initialize handshake"),
                legacyInEnvelope.getMessage());
    }

    @Test
    void aLegacyVersionInTheEnvelopeSaysHowThatRevisionIsSpoken() throws Exception {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> EraClassifier.classifyHttp(
                message(modernWithVersion(1, "tools/list", null, "2025-11-25")), headers("2025-11-25", "tools/list", null)));
        assertEquals(-32022, e.code());
        assertEquals("Unsupported protocol version: 2025-11-25 in params._meta: only 2026-07-28 requests describe "
                + "themselves; 2025-11-25 is spoken after an initialize handshake", e.getMessage());
    }

    @Test
    void theHandshakesLastNotificationIsUnknownToModernRequests() throws Exception {
        ObjectNode initialized = modern(1, "notifications/initialized", null);
        initialized.remove("id");
        for (InboundHeaders headers : new InboundHeaders[] {headers("2026-07-28", "notifications/initialized", null),
                headers("2026-07-28", null, null)}) {
            JsonRpcException e = assertThrows(JsonRpcException.class,
                    () -> EraClassifier.classifyHttp(message(initialized), headers));
            assertEquals(-32601, e.code());
            assertEquals(404, e.httpStatus());
        }
        ObjectNode bare = Messages.object().put("jsonrpc", "2.0").put("method", "notifications/initialized");
        assertEquals(-32601, assertThrows(JsonRpcException.class, () -> EraClassifier.classifyHttp(message(bare),
                headers("2026-07-28", null, null))).code(), "made modern by its header alone");
        assertEquals(Era.LEGACY, EraClassifier.classifyHttp(message(bare), headers("2025-11-25", null, null)).era());
    }
}
