package io.mxcp.mcp.internal.http;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.initialize;
import static io.mxcp.mcp.internal.Messages.legacy;
import static io.mxcp.mcp.internal.Messages.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.mxcp.core.api.RefusedRequest;
import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.Messages;
import io.mxcp.mcp.internal.RefusalLog;
import io.mxcp.mcp.internal.auth.AuthServices;
import io.mxcp.mcp.internal.auth.ScriptedVerifiers;

/** The requests {@code /mcp} refuses before any endpoint runs reach the served project's audit log (spec 03b D.38). */
class HttpRefusalAuditTest {
    private final AuthServices services = new AuthServices();
    private final FakeProject project = new FakeProject();
    private RunningServer server;
    private McpPosts posts;

    private void start() throws Exception {
        services.verifiers().add(new ScriptedVerifiers());
        project.withUserConfig(ScriptedVerifiers.verifierConfig(project.name(), Map.of()));
        server = new McpServerFactory("9.9.9", services).startHttp(project,
                new HttpServerOptions("localhost", 0, false));
        posts = new McpPosts(server.port());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int postEcho(String authorization) throws Exception {
        return posts.post(modern(1, "tools/call", call("echo", Messages.object().put("text", "hi"))), McpPosts.BOTH,
                authorization == null ? Map.of() : Map.of("Authorization", authorization)).statusCode();
    }

    @Test
    void everyRefusalIsHandedOverWithWhoWhatAndWhyButNeverTheToken() throws Exception {
        start();
        assertEquals(401, postEcho(null));
        assertEquals(401, postEcho("Bearer forged"));
        assertEquals(403, postEcho("Bearer carol"));
        assertEquals(503, postEcho("Bearer unreachable"));
        String session = posts.post(initialize(1, "2025-11-25"), McpPosts.BOTH, Map.of("Authorization", "Bearer alice"))
                .headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertEquals(404, posts.post(legacy(2, "tools/call", call("echo", Messages.object())), McpPosts.BOTH,
                Map.of("Authorization", "Bearer bob", "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"))
                .statusCode());
        assertEquals(404, posts.send(HttpRequest.newBuilder(posts.uri()).header("Authorization", "Bearer bob")
                .header("Mcp-Session-Id", "no-such-session").DELETE().build()).statusCode());

        List<RefusedRequest> refusals = awaitRefusals(project.audit, 6);
        assertRefusal(refusals.get(0), 401, "POST", null, null, null, "invalid_token: no bearer token");
        assertRefusal(refusals.get(1), 401, "POST", "tools/call", null, null, "invalid_token: unknown token");
        assertRefusal(refusals.get(2), 403, "POST", "tools/call", "carol-id", null,
                "insufficient_scope: Required scope: mcp.read");
        assertRefusal(refusals.get(3), 503, "POST", "tools/call", null, null, "temporarily_unavailable: issuer down");
        assertRefusal(refusals.get(4), 404, "POST", "tools/call", "bob-id", session, RefusalRecorder.UNKNOWN_SESSION);
        assertRefusal(refusals.get(5), 404, "DELETE", null, "bob-id", "no-such-session",
                RefusalRecorder.UNKNOWN_SESSION);
        assertFalse(refusals.toString().contains("forged"), "no token text: " + refusals);
        assertTrue(project.lastArguments.isEmpty(), "no endpoint ran");
    }

    @Test
    void aFloodIsRecordedWithinTheClientsBudgetAndTheRestIsCountedInItsNextRecord() throws Exception {
        start();
        int sent = 100;
        long began = System.nanoTime();
        for (int i = 0; i < sent; i++) {
            // without trust_proxy a forwarded-for header names no client: the peer's address does
            assertEquals(401, posts.send(HttpRequest.newBuilder(posts.uri()).header("X-Forwarded-For", "10.0.0." + i)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build()).statusCode());
        }
        long seconds = (System.nanoTime() - began) / 1_000_000_000L;
        Thread.sleep(1_100);
        assertEquals(401, postEcho(null));
        sent++;

        List<RefusedRequest> refusals = awaitSettled(project.audit);
        assertTrue(refusals.size() <= RefusalBudget.BURST + seconds + 2, refusals.size() + " records in " + seconds
                + " s");
        long suppressed = refusals.stream().mapToLong(RefusedRequest::suppressed).sum();
        assertEquals(sent, refusals.size() + suppressed, "every refusal is a record or counted in one");
        assertTrue(refusals.getLast().suppressed() > 0, "the client's next record carries the count");
        assertTrue(refusals.stream().allMatch(refusal -> refusal.clientAddress().equals("127.0.0.1")),
                refusals.toString());
    }

    @Test
    void afterAReloadRefusalsGoToTheNewProjectAndOnesTheClosedProjectRefusedAreCounted() throws Exception {
        start();
        FakeProject next = new FakeProject();
        project.audit.closed = true;
        assertEquals(401, postEcho(null));
        server.reload(current -> next);
        assertEquals(401, postEcho(null));

        RefusedRequest refusal = awaitRefusals(next.audit, 1).getFirst();
        assertEquals(1, refusal.suppressed(), "the refusal the closed project did not take is counted");
        assertTrue(project.audit.refusals.isEmpty());
    }

    private static void assertRefusal(RefusedRequest refusal, int status, String httpMethod, String rpcMethod,
            String userId, String sessionId, String reason) {
        assertEquals(status, refusal.httpStatus(), refusal.toString());
        assertEquals(httpMethod, refusal.httpMethod(), refusal.toString());
        assertEquals("/mcp", refusal.path());
        assertEquals(rpcMethod, refusal.rpcMethod(), refusal.toString());
        assertEquals(userId, refusal.userId(), refusal.toString());
        assertEquals(sessionId, refusal.sessionId(), refusal.toString());
        assertEquals(reason, refusal.reason());
        assertEquals("127.0.0.1", refusal.clientAddress());
        assertEquals(0, refusal.suppressed());
    }

    /** The refusals once there are {@code count}. */
    private static List<RefusedRequest> awaitRefusals(RefusalLog log, int count) throws InterruptedException {
        for (int i = 0; i < 100 && log.refusals.size() < count; i++) {
            Thread.sleep(20);
        }
        assertEquals(count, log.refusals.size(), log.refusals.toString());
        return List.copyOf(log.refusals);
    }

    /** The refusals once no more came for a moment. */
    private static List<RefusedRequest> awaitSettled(RefusalLog log) throws InterruptedException {
        int seen;
        do {
            seen = log.refusals.size();
            Thread.sleep(100);
        } while (log.refusals.size() != seen);
        return List.copyOf(log.refusals);
    }
}
