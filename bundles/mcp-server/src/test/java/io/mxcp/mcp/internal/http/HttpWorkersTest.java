package io.mxcp.mcp.internal.http;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.auth.AuthServices;

/** Long calls up to the limit run at once and leave room for the rest of the protocol. */
class HttpWorkersTest {
    private final FakeProject project = new FakeProject();
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private RunningServer server;

    @AfterEach
    void stop() {
        project.slowCancelled.countDown();
        server.close();
        clients.shutdownNow();
    }

    @Test
    void callsUpToTheLimitRunTogetherAndListsStillAnswer() throws Exception {
        int calls = 8 * Runtime.getRuntime().availableProcessors() + 4; // more than Undertow's default workers
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(project,
                new HttpServerOptions("localhost", 0, false, false, 4 << 20, calls, List.of()));
        McpPosts posts = new McpPosts(server.port());
        for (int i = 0; i < calls; i++) {
            int id = i;
            clients.submit(() -> posts.modern(modern(id, "tools/call", call("slow", null)), McpPosts.BOTH));
        }
        for (int waited = 0; project.slowRunning.get() < calls && waited < 100; waited++) {
            Thread.sleep(100);
        }
        assertEquals(calls, project.slowRunning.get(), "every call the limit admits runs at once");
        HttpResponse<String> list = posts.modern(modern("list", "tools/list", null), McpPosts.BOTH);
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("\"slow\""), list.body());
        HttpResponse<String> over = posts.modern(modern("over", "tools/call", call("echo", null)), McpPosts.BOTH);
        assertEquals(503, over.statusCode(), "one call over the limit is refused at once");
        assertEquals(calls, project.slowRunning.get(), "while the long calls still ran");
    }
}
