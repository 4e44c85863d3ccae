package io.mxcp.mcp.internal.stdio;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.initialize;
import static io.mxcp.mcp.internal.Messages.legacy;
import static io.mxcp.mcp.internal.Messages.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.api.AuditCaller;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.auth.AuthServices;
import io.mxcp.mcp.internal.protocol.StopDrain;
import io.mxcp.mcp.internal.LogLines;
import io.mxcp.mcp.internal.Messages;

class StdioServerTest {
    /** Collects what the server writes, one entry per line. */
    private static final class Lines extends OutputStream {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }

    private final FakeProject project = new FakeProject();
    private final Lines out = new Lines();
    private PipedOutputStream client;
    private RunningServer server;

    @BeforeEach
    void start() throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        client = new PipedOutputStream(in);
        server = new McpServerFactory("9.9.9", new AuthServices()).startStdio(project, in, out);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void send(JsonNode message) throws IOException {
        client.write((message.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        client.flush();
    }

    private JsonNode receive() throws InterruptedException {
        String line = out.lines.poll(5, TimeUnit.SECONDS);
        assertNotNull(line, "no answer within 5 s");
        return Messages.parse(line);
    }

    @Test
    void discoverNamesTheServerAndItsVersions() throws Exception {
        send(modern("d-1", "server/discover", null));
        JsonNode result = receive().get("result");
        assertEquals("complete", result.get("resultType").asText());
        assertEquals("2026-07-28", result.get("supportedVersions").get(0).asText());
        assertEquals("fake-project", result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asText());
        assertEquals("9.9.9", result.at("/_meta/io.modelcontextprotocol~1serverInfo/version").asText());
        assertTrue(result.get("ttlMs").isIntegralNumber());
        assertEquals("public", result.get("cacheScope").asText());
        assertTrue(result.at("/capabilities/tools").isObject());
        assertTrue(result.at("/capabilities/logging").isObject(), "log messages for requests that name a logLevel");
    }

    @Test
    void legacyHandshakeThenToolCall() throws Exception {
        send(initialize(1, "2025-06-18"));
        JsonNode init = receive();
        assertEquals(1, init.get("id").asInt());
        assertEquals("2025-06-18", init.at("/result/protocolVersion").asText());
        assertEquals("fake-project", init.at("/result/serverInfo/name").asText());
        assertTrue(init.at("/result/resultType").isMissingNode(), "legacy results stay as they were");
        send(Messages.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/initialized"));
        send(legacy(2, "tools/call", call("echo", Messages.object().put("text", 42))));
        JsonNode call = receive();
        assertEquals(2, call.get("id").asInt());
        assertEquals("42", call.at("/result/content/0/text").asText());
        assertEquals("42", call.at("/result/structuredContent/result").asText());
        assertEquals("42", project.lastArguments.get("echo").get("text"), "a number for a string parameter becomes text");
        assertEquals(new AuditCaller("stdio", null), project.lastAuditCallers.get("echo"));
    }

    @Test
    void anInitializeOfTheWrongShapeIsInvalidParams() throws Exception {
        ObjectNode numbered = initialize(1, "2025-11-25");
        ((ObjectNode) numbered.get("params")).put("protocolVersion", 5);
        send(numbered);
        JsonNode refused = receive();
        assertEquals(-32602, refused.at("/error/code").asInt());
        assertEquals("Invalid params: initialize needs protocolVersion, a string", refused.at("/error/message").asText());
        ObjectNode badInfo = initialize(2, "2025-11-25");
        ((ObjectNode) badInfo.get("params")).put("clientInfo", "me");
        send(badInfo);
        assertEquals("Invalid params: initialize's clientInfo must be an object", receive().at("/error/message").asText());
        send(initialize(3, "2025-11-25"));
        assertEquals("2025-11-25", receive().at("/result/protocolVersion").asText());
    }

    @Test
    void aMessageLongerThanClientsReadIsSentWithAWarningForTheOperator() throws Exception {
        String text = "x".repeat(6 << 20);
        List<String> logged;
        try (LogLines log = LogLines.of(StdioServer.class.getName())) {
            send(modern(1, "tools/call", call("echo", Messages.object().put("text", text))));
            assertEquals(text, receive().at("/result/content/0/text").asText(), "sent all the same");
            logged = log.lines();
        }
        assertEquals(1, logged.size(), logged::toString);
        assertTrue(logged.get(0).startsWith("WARNING Sending a 12 MiB message over stdio: clients on the TypeScript "
                + "SDK refuse lines over 10 MiB"), logged::toString);
    }

    @Test
    void unknownToolIsAnErrorResultForLegacyAndMinus32602ForModern() throws Exception {
        send(legacy(1, "tools/call", call("nope", null)));
        JsonNode legacyAnswer = receive();
        assertTrue(legacyAnswer.at("/result/isError").asBoolean());
        assertEquals("Unknown tool: nope", legacyAnswer.at("/result/content/0/text").asText());
        send(modern(2, "tools/call", call("nope", null)));
        JsonNode modernAnswer = receive();
        assertEquals(-32602, modernAnswer.at("/error/code").asInt());
        assertEquals("Unknown tool: nope", modernAnswer.at("/error/message").asText());
    }

    @Test
    void malformedLinesGetJsonRpcErrors() throws Exception {
        client.write("{not json\n".getBytes(StandardCharsets.UTF_8));
        JsonNode parse = receive();
        assertEquals(-32700, parse.at("/error/code").asInt());
        assertTrue(parse.get("id").isNull());
        send(Messages.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", "x").put("method", 5));
        JsonNode invalid = receive();
        assertEquals(-32600, invalid.at("/error/code").asInt());
        assertEquals("x", invalid.get("id").asText());
        send(legacy("y", "no/such", null));
        JsonNode unknown = receive();
        assertEquals(-32601, unknown.at("/error/code").asInt());
        assertEquals("y", unknown.get("id").asText());
    }

    @Test
    void anObjectToolThatReturnsNullIsAnErrorResultNotNullStructuredContent() throws Exception {
        send(modern(1, "tools/call", call("user", Messages.object().put("id", 0))));
        JsonNode result = receive().get("result");

        assertTrue(result.get("isError").asBoolean(), result.toString());
        assertFalse(result.has("structuredContent"), result.toString());
        assertTrue(result.at("/content/0/text").asText().startsWith("Error executing tool user: it returned null"),
                result.toString());
        send(modern(2, "tools/call", call("user", Messages.object().put("id", 7))));
        assertEquals("Ada", receive().at("/result/structuredContent/name").asText());
    }

    @Test
    void invalidUtf8IsAParseErrorNotAReplacedCharacter() throws Exception {
        String call = modern("u", "tools/call", call("echo", Messages.object().put("text", "MARK"))).toString();
        int mark = call.indexOf("MARK");
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.write(call.substring(0, mark).getBytes(StandardCharsets.UTF_8));
        line.write(new byte[] {'a', (byte) 0xff, 'b'});
        line.write((call.substring(mark + 4) + "\n").getBytes(StandardCharsets.UTF_8));
        client.write(line.toByteArray());
        client.flush();

        JsonNode refused = receive();
        assertEquals(-32700, refused.at("/error/code").asInt(), refused.toString());
        assertTrue(refused.at("/error/message").asText().contains("UTF-8"), refused.toString());
        assertFalse(project.lastArguments.containsKey("echo"), "the endpoint never ran");

        send(modern("v", "tools/call", call("echo", Messages.object().put("text", "café ☕"))));
        assertEquals("café ☕", receive().at("/result/content/0/text").asText());
    }

    @Test
    void aBatchIsAnsweredOnOneLineWithoutItsNotificationsAndCancelledMembers() throws Exception {
        send(initialize(1, "2025-03-26"));
        assertEquals("2025-03-26", receive().at("/result/protocolVersion").asText());
        var batch = Messages.JSON.createArrayNode();
        batch.add(legacy(2, "tools/call", call("slow", null)));
        batch.add(Messages.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/initialized"));
        batch.add(legacy(3, "tools/call", call("echo", Messages.object().put("text", "after the slow one"))));
        batch.add(initialize(4, "2025-03-26"));
        batch.add(legacy(2, "tools/list", null)); // the slow call's id
        send(batch);
        assertTrue(project.slowStarted.await(5, TimeUnit.SECONDS));
        var cancel = Messages.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/cancelled");
        cancel.putObject("params").put("requestId", 2);
        send(cancel);
        JsonNode answers = receive();
        assertTrue(answers.isArray(), answers.toString());
        assertEquals(3, answers.size(), answers.toString());
        assertEquals("Invalid Request: initialize must not be part of a JSON-RPC batch",
                answers.get(0).at("/error/message").asText());
        assertEquals("Invalid Request: request id 2 is in use by a request still in progress",
                answers.get(1).at("/error/message").asText());
        assertEquals("after the slow one", answers.get(2).at("/result/content/0/text").asText());
        assertNull(out.lines.poll(200, TimeUnit.MILLISECONDS), "one line for the whole batch");
    }

    @Test
    void aConnectionThatSpeaks20260728TakesNoBatch() throws Exception {
        send(modern(1, "tools/list", null));
        receive();
        var batch = Messages.JSON.createArrayNode().add(modern(2, "tools/list", null));
        send(batch);
        JsonNode refused = receive();
        assertEquals(-32600, refused.at("/error/code").asInt());
        assertTrue(refused.at("/error/message").asText().contains("no JSON-RPC batches"), refused.toString());
    }

    @Test
    void aConnectionThatAgreedOnALaterRevisionThan20250326TakesNoBatch() throws Exception {
        send(initialize(1, "2025-06-18"));
        receive();
        send(Messages.JSON.createArrayNode().add(legacy(2, "tools/list", null)));
        JsonNode refused = receive();
        assertEquals(-32600, refused.at("/error/code").asInt());
        assertEquals("Invalid Request: JSON-RPC batches belong to protocol revision 2025-03-26; this connection agreed "
                + "on 2025-06-18, which takes one message per line", refused.at("/error/message").asText());
        send(legacy(3, "tools/list", null));
        assertEquals(3, receive().get("id").asInt(), "one message a line goes on");
    }

    @Test
    void aLineLongerThanAMessageMayBeIsRefusedAndTheNextOneServed() throws Exception {
        byte[] huge = new byte[17 << 20];
        java.util.Arrays.fill(huge, (byte) 'x');
        client.write(huge);
        client.write('\n');
        client.flush();
        JsonNode refused = receive();
        assertEquals(-32700, refused.at("/error/code").asInt());
        assertTrue(refused.at("/error/message").asText().contains("longer than the 16777216 bytes"), refused.toString());
        send(legacy(8, "tools/list", null));
        assertEquals(8, receive().get("id").asInt(), "the connection goes on");
    }

    @Test
    void aCarriageReturnInsideAMessageIsWhitespaceNotTheEndOfALine() throws Exception {
        client.write("{\"jsonrpc\":\"2.0\",\r\"id\":\"cr\",\"method\":\"tools/list\"}\r\n"
                .getBytes(StandardCharsets.UTF_8));
        client.flush();
        assertEquals("cr", receive().get("id").asText());
    }

    @Test
    void cancelledCallStopsAndIsNotAnsweredWhileOthersRun() throws Exception {
        send(modern(1, "tools/call", call("slow", null)));
        assertTrue(project.slowStarted.await(5, TimeUnit.SECONDS));
        send(modern(2, "tools/call", call("echo", Messages.object().put("text", "meanwhile"))));
        assertEquals("meanwhile", receive().at("/result/content/0/text").asText());
        var cancel = Messages.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/cancelled");
        cancel.putObject("params").put("requestId", 1);
        send(cancel);
        assertTrue(project.slowCancelled.await(5, TimeUnit.SECONDS), "the call's cancellation fired");
        send(modern(3, "tools/list", null));
        assertEquals(3, receive().get("id").asInt(), "no answer for the cancelled call");
        assertNull(out.lines.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void aCallStillRunningAfterTheStopsDrainIsCancelledAndAnsweredWithItsError() throws Exception {
        send(modern(1, "tools/call", call("slow", null)));
        assertTrue(project.slowStarted.await(5, TimeUnit.SECONDS));
        try (LogLines log = LogLines.of(StopDrain.class.getName())) {
            Thread stopping = Thread.ofPlatform().start(server::close);
            String line = out.lines.poll(StopDrain.DRAIN_MILLIS + StopDrain.CANCELLED_ANSWER_MILLIS + 3_000,
                    TimeUnit.MILLISECONDS);
            assertNotNull(line, "answered, unlike a call its client cancelled");
            JsonNode answer = Messages.parse(line);
            assertEquals(1, answer.get("id").asInt());
            assertTrue(answer.at("/result/isError").asBoolean(), answer::toString);
            assertTrue(answer.at("/result/content/0/text").asText().endsWith(
                    "(the server is stopping: retry in a few seconds)"), answer::toString);
            assertTrue(stopping.join(java.time.Duration.ofSeconds(5)));
            assertEquals(List.of("WARNING MCP calls still running after 5000 ms; cancelling them"), log.lines());
        }
    }

    @Test
    void aRequestWhoseIdACallOrListenStillUsesIsRefused() throws Exception {
        send(modern("d", "tools/call", call("slow", null)));
        assertTrue(project.slowStarted.await(5, TimeUnit.SECONDS));
        send(modern("d", "tools/call", call("echo", Messages.object().put("text", "second"))));
        JsonNode refused = receive();
        assertEquals(-32600, refused.at("/error/code").asInt());
        assertEquals("Invalid Request: request id \"d\" is in use by a request still in progress",
                refused.at("/error/message").asText());
        send(modern("d", "tools/list", null));
        assertEquals(refused, receive(), "also a request answered at once");

        var params = Messages.object();
        params.putObject("notifications").put("toolsListChanged", true);
        send(modern("L", "subscriptions/listen", params));
        assertEquals("notifications/subscriptions/acknowledged", receive().get("method").asText());
        send(modern("L", "subscriptions/listen", params));
        assertEquals(-32600, receive().at("/error/code").asInt(), "one listen stream per id");
        send(modern("L", "server/discover", null));
        assertEquals(-32600, receive().at("/error/code").asInt());
    }

    @Test
    void notificationsAreLinesBeforeTheAnswerAtTheLevelTheClientSet() throws Exception {
        send(initialize(1, "2025-11-25"));
        receive();
        send(legacy(2, "logging/setLevel", Messages.object().put("level", "warning")));
        assertEquals("{}", receive().get("result").toString());
        var call = legacy(3, "tools/call", call("report", null));
        call.with("params").putObject("_meta").put("progressToken", "s-1");
        send(call);
        for (int progress = 1; progress <= 3; progress++) {
            JsonNode notification = receive();
            assertEquals("notifications/progress", notification.get("method").asText());
            assertEquals("s-1", notification.at("/params/progressToken").asText());
            assertEquals(progress, notification.at("/params/progress").asInt());
        }
        JsonNode log = receive();
        assertEquals("notifications/message", log.get("method").asText());
        assertEquals("{\"level\":\"error\",\"data\":\"a failure\"}", log.get("params").toString());
        assertEquals("reported", receive().at("/result/content/0/text").asText());
    }

    @Test
    void completionSuggestsDeclaredExamplesByPrefix() throws Exception {
        var params = Messages.object();
        params.putObject("ref").put("type", "ref/prompt").put("name", "greet");
        params.putObject("argument").put("name", "who").put("value", "w");
        send(modern(1, "completion/complete", params));
        JsonNode completion = receive().at("/result/completion");
        assertEquals("[\"World\"]", completion.get("values").toString());
        assertEquals(1, completion.get("total").asInt());
        assertFalse(completion.get("hasMore").asBoolean());
        params.with("ref").put("name", "nope");
        send(modern(2, "completion/complete", params));
        assertEquals("Unknown prompt: nope", receive().at("/error/message").asText());
    }

    @Test
    void listenIsAcknowledgedWithTheHonouredSubsetAndItsId() throws Exception {
        var params = Messages.object();
        params.putObject("notifications").put("toolsListChanged", true).put("unknownKind", true)
                .putArray("resourceSubscriptions").add("config://app").add("nowhere://x");
        send(modern("listen-1", "subscriptions/listen", params));
        JsonNode ack = receive();
        assertEquals("notifications/subscriptions/acknowledged", ack.get("method").asText());
        assertEquals("{\"toolsListChanged\":true,\"resourceSubscriptions\":[\"config://app\"]}",
                ack.at("/params/notifications").toString());
        assertEquals("listen-1", ack.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText());
        assertFalse(ack.has("id"), "the acknowledgement is a notification, the listen request stays open");
    }

    @Test
    void aListenFilterOfTheWrongShapeIsInvalidParams() throws Exception {
        var flag = Messages.object();
        flag.putObject("notifications").put("toolsListChanged", "yes");
        send(modern("listen-2", "subscriptions/listen", flag));
        JsonNode refused = receive();
        assertEquals(-32602, refused.at("/error/code").asInt());
        assertEquals("Invalid params: subscriptions/listen 'notifications.toolsListChanged' must be true or false",
                refused.at("/error/message").asText());

        var uris = Messages.object();
        uris.putObject("notifications").put("resourceSubscriptions", "config://app");
        send(modern("listen-3", "subscriptions/listen", uris));
        assertEquals(-32602, receive().at("/error/code").asInt());
    }

    @Test
    void legacySubscribeAcceptsServedResourcesOnly() throws Exception {
        send(initialize(1, "2025-11-25"));
        assertTrue(receive().at("/result/capabilities/resources/subscribe").asBoolean());
        send(legacy(2, "resources/subscribe", Messages.object().put("uri", "users://7/profile")));
        assertEquals("{}", receive().get("result").toString());
        send(legacy(3, "resources/unsubscribe", Messages.object().put("uri", "nowhere://x")));
        assertEquals(-32002, receive().at("/error/code").asInt());
        // the template matches, but no read of these could succeed: id is a number
        for (String unreadable : List.of("users://seven/profile", "users://{id}/profile")) {
            send(legacy(4, "resources/subscribe", Messages.object().put("uri", unreadable)));
            assertEquals(-32002, receive().at("/error/code").asInt(), unreadable);
        }
    }

    @Test
    void aLegacyConnectionHearsWhichListsAReloadChanged() throws Exception {
        send(initialize(1, "2025-11-25"));
        JsonNode capabilities = receive().at("/result/capabilities");
        for (String kind : new String[] {"tools", "resources", "prompts"}) {
            assertTrue(capabilities.at("/" + kind + "/listChanged").asBoolean(), kind);
        }
        server.reload(current -> new FakeProject().withTool("added", "Added on reload"));
        JsonNode notification = receive();
        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}", notification.toString());
        send(legacy(2, "tools/call", call("added", null)));
        assertEquals("added", receive().at("/result/content/0/text").asText(), "no other notification came first");
    }

    @Test
    void aLegacyConnectionHearsOfItsSubscribedResourcesAfterEachReload() throws Exception {
        send(initialize(1, "2025-11-25"));
        receive();
        send(legacy(2, "resources/subscribe", Messages.object().put("uri", "users://7/profile")));
        send(legacy(3, "resources/subscribe", Messages.object().put("uri", "config://app")));
        send(legacy(4, "resources/unsubscribe", Messages.object().put("uri", "config://app")));
        for (int id = 2; id <= 4; id++) {
            assertEquals(id, receive().get("id").asInt());
        }

        server.reload(current -> new FakeProject());
        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/resources/updated\","
                + "\"params\":{\"uri\":\"users://7/profile\"}}", receive().toString());
        assertNull(out.lines.poll(200, TimeUnit.MILLISECONDS), "nothing for the unsubscribed resource");

        server.reload(current -> new FakeProject().without("users://{id}/profile"));
        assertEquals("notifications/resources/list_changed", receive().get("method").asText());
        assertNull(out.lines.poll(200, TimeUnit.MILLISECONDS), "no update for a resource no longer served");
    }

    @Test
    void aListenSubscriptionHearsOfTheResourcesItNamed() throws Exception {
        var params = Messages.object();
        params.putObject("notifications").putArray("resourceSubscriptions").add("config://app").add("nowhere://x")
                .add("users://seven/profile");
        send(modern("listen-r", "subscriptions/listen", params));
        assertEquals("[\"config://app\"]", receive().at("/params/notifications/resourceSubscriptions").toString());

        server.reload(current -> new FakeProject().withTool("added", "Added on reload"));
        JsonNode updated = receive();
        assertEquals("notifications/resources/updated", updated.get("method").asText());
        assertEquals("config://app", updated.at("/params/uri").asText());
        assertEquals("listen-r", updated.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText());
        assertNull(out.lines.poll(200, TimeUnit.MILLISECONDS), "the tools change was not asked for");
    }

    @Test
    void aListenSubscriptionHearsOnlyTheKindsItAskedFor() throws Exception {
        var params = Messages.object();
        params.putObject("notifications").put("promptsListChanged", true);
        send(modern("listen-7", "subscriptions/listen", params));
        assertEquals("notifications/subscriptions/acknowledged", receive().get("method").asText());

        server.reload(current -> new FakeProject().withTool("added", "Added on reload"));
        server.reload(current -> new FakeProject().withTool("added", "Added on reload").without("greet"));
        JsonNode notification = receive();
        assertEquals("notifications/prompts/list_changed", notification.get("method").asText());
        assertEquals("listen-7", notification.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText());

        var cancel = Messages.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/cancelled");
        cancel.putObject("params").put("requestId", "listen-7");
        send(cancel);
        send(modern(2, "tools/list", null));
        assertEquals(2, receive().get("id").asInt());
        server.reload(current -> new FakeProject());
        assertNull(out.lines.poll(200, TimeUnit.MILLISECONDS), "an ended subscription hears nothing");
    }

    @Test
    void endOfInputEndsTheServer() throws Exception {
        send(modern(1, "tools/list", null));
        assertFalse(receive().at("/result/tools").isEmpty());
        try (LogLines log = LogLines.of(StdioServer.class.getName())) {
            client.close();
            assertEndsWithin5s(server, "server ended at EOF");
            assertEquals(List.of("INFO Standard input ended (the client closed it): stopping the server"), log.lines(),
                    "the log says why the server stopped");
        }
    }

    /**
     * A desktop client closes its input and kills the server two to four seconds later: nobody can read an answer
     * once the input ended, so the calls still running are cancelled at once rather than drained.
     */
    @Test
    void endOfInputCancelsTheCallsStillRunningAtOnce() throws Exception {
        send(modern(1, "tools/call", call("slow", null)));
        assertTrue(project.slowStarted.await(5, TimeUnit.SECONDS));
        try (LogLines log = LogLines.of(StopDrain.class.getName())) {
            client.close();
            assertTrue(project.slowCancelled.await(StopDrain.DRAIN_MILLIS / 2, TimeUnit.MILLISECONDS),
                    "cancelled well before the drain would have ended");
            assertEndsWithin5s(server, "server ended at EOF");
            assertEquals(List.of("WARNING The client closed standard input, so no answer can be read: cancelling the"
                    + " 1 MCP call(s) still running"), log.lines());
        }
    }

    private static void assertEndsWithin5s(RunningServer running, String message) throws InterruptedException {
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                running.awaitTermination();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(waiter.join(java.time.Duration.ofSeconds(5)), message);
    }

    @Test
    void aClosedOutputEndsTheServerAndCancelsItsCallsWhileInputStaysOpen() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (closed.get()) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream input = new PipedOutputStream(in);
        RunningServer orphan = new McpServerFactory("9.9.9", new AuthServices()).startStdio(project, in,
                new PrintStream(gone, true, StandardCharsets.UTF_8));
        try {
            input.write((modern(1, "tools/call", Messages.call("slow", null)) + "\n").getBytes(StandardCharsets.UTF_8));
            input.flush();
            assertTrue(project.slowStarted.await(5, TimeUnit.SECONDS), "slow started");
            closed.set(true);
            input.write((modern(2, "tools/list", null) + "\n").getBytes(StandardCharsets.UTF_8));
            input.flush();

            assertTrue(project.slowCancelled.await(5, TimeUnit.SECONDS), "the call in flight was cancelled");
            assertEndsWithin5s(orphan, "server ended with its output gone");
        } finally {
            orphan.close();
        }
    }

    /** A legacy handshake whose client declares the given capabilities. */
    private void initializeDeclaring(String... capabilities) throws Exception {
        var initialize = initialize(0, "2025-11-25");
        var declared = initialize.with("params").putObject("capabilities");
        java.util.List.of(capabilities).forEach(declared::putObject);
        send(initialize);
        assertEquals(0, receive().get("id").asInt());
    }

    @Test
    void aLegacyClientIsAskedOnItsOutputAndAnswersOnItsInputInAnyOrder() throws Exception {
        initializeDeclaring("elicitation", "sampling");
        send(legacy(2, "tools/call", call("ask", Messages.object().put("topic", "capitals"))));
        JsonNode elicitation = receive();
        JsonNode sampling = receive();
        assertEquals("elicitation/create", elicitation.get("method").asText());
        assertEquals("sampling/createMessage", sampling.get("method").asText());
        assertFalse(elicitation.get("id").equals(sampling.get("id")));

        var samplingAnswer = Messages.object().put("jsonrpc", "2.0");
        samplingAnswer.set("id", sampling.get("id"));
        samplingAnswer.putObject("result").put("role", "assistant").put("model", "m").putObject("content")
                .put("type", "text").put("text", "Paris");
        send(samplingAnswer);
        var elicitationAnswer = Messages.object().put("jsonrpc", "2.0");
        elicitationAnswer.set("id", elicitation.get("id"));
        elicitationAnswer.putObject("result").put("action", "accept").putObject("content").put("name", "Alice");
        send(elicitationAnswer);

        JsonNode answer = receive();
        assertEquals(2, answer.get("id").asInt());
        assertEquals("Alice asks about capitals: Paris", answer.at("/result/content/0/text").asText());
    }

    @Test
    void cancellingACallThatWaitsForTheClientWithdrawsTheServersRequest() throws Exception {
        initializeDeclaring("elicitation");
        send(legacy(2, "tools/call", call("ask_steps", null)));
        JsonNode asked = receive();
        assertEquals("elicitation/create", asked.get("method").asText());
        var cancel = Messages.object().put("jsonrpc", "2.0").put("method", "notifications/cancelled");
        cancel.putObject("params").put("requestId", 2);
        send(cancel);
        JsonNode withdrawn = receive();
        assertEquals("notifications/cancelled", withdrawn.get("method").asText());
        assertEquals(asked.get("id"), withdrawn.at("/params/requestId"));
        assertNull(out.lines.poll(300, TimeUnit.MILLISECONDS), "a cancelled call gets no answer");
    }
}
