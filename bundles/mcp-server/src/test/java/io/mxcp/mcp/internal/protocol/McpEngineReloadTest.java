package io.mxcp.mcp.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.api.Project;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.Messages;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;
import io.mxcp.mcp.internal.jsonrpc.RpcResult;
import io.mxcp.sdk.exec.Cancellation;

class McpEngineReloadTest {
    private static final Classification LEGACY = new Classification(Era.LEGACY, "2025-11-25");

    private final FakeProject first = new FakeProject();
    private final List<Set<ListKind>> heard = new CopyOnWriteArrayList<>();

    private McpEngine engine(long callWaitMillis) {
        McpEngine engine = new McpEngine(first, new ServerInfo("fake", "1"), Messages.JSON, callWaitMillis,
                TimeUnit.MILLISECONDS);
        engine.addReloadListener(notice -> heard.add(notice.changed()));
        return engine;
    }

    private static JsonNode handle(McpEngine engine, String method, ObjectNode params) throws JsonRpcException {
        RpcResult result = engine.handle(new JsonRpcMessage(Messages.JSON.valueToTree(1), method,
                params == null ? Messages.object() : params), new RequestContext(LEGACY, Map.of(), new Cancellation()));
        return result.tree() != null ? result.tree() : Messages.parse(result.raw());
    }

    private static List<String> toolNames(McpEngine engine) throws JsonRpcException {
        List<String> names = new ArrayList<>();
        handle(engine, "tools/list", null).get("tools").forEach(tool -> names.add(tool.get("name").asText()));
        return names;
    }

    private static String callText(McpEngine engine, String tool) throws JsonRpcException {
        return handle(engine, "tools/call", Messages.call(tool, null)).at("/content/0/text").asText();
    }

    @Test
    void anAddedToolIsListedAndCallableAndOnlyToolsAreReportedChanged() throws Exception {
        McpEngine engine = engine(30_000);
        assertFalse(toolNames(engine).contains("added"));
        engine.reload(current -> new FakeProject().withTool("added", "A new tool"));

        assertTrue(toolNames(engine).contains("added"), toolNames(engine).toString());
        assertEquals("added", callText(engine, "added"));
        assertEquals(List.of(Set.of(ListKind.TOOLS)), heard);
    }

    @Test
    void theSameEndpointsAgainChangeNoList() throws Exception {
        McpEngine engine = engine(30_000);
        engine.reload(current -> new FakeProject());
        assertEquals(List.of(Set.of()), heard, "told of the reload (subscribed resources), with no list changed");
    }

    @Test
    void removedResourcesAndPromptsAndAChangedDescriptionAreChanges() throws Exception {
        McpEngine engine = engine(30_000);
        engine.reload(current -> new FakeProject().without("config://app").without("greet"));
        engine.reload(current -> new FakeProject().without("config://app").without("greet").without("echo")
                .withTool("echo", "Echoes, described anew"));
        assertEquals(List.of(Set.of(ListKind.RESOURCES, ListKind.PROMPTS), Set.of(ListKind.TOOLS)), heard);
        assertEquals(0, handle(engine, "prompts/list", null).get("prompts").size());
    }

    @Test
    void theSwapReceivesTheServedProjectAndAFailedSwapKeepsIt() throws Exception {
        McpEngine engine = engine(30_000);
        List<Project> offered = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("mxcp-site.yml: broken");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> engine.reload(current -> {
            offered.add(current);
            throw failure;
        })));
        assertEquals(List.of(first), offered);
        assertEquals("hi", handle(engine, "tools/call", Messages.call("echo",
                Messages.object().put("text", "hi"))).at("/content/0/text").asText(), "calls are not held after it");
        assertFalse(toolNames(engine).contains("added"));
        assertEquals(List.of(), heard);
    }

    @Test
    void runningCallsFinishBeforeTheSwapAndCallsArrivingMeanwhileWaitForTheNewProject() throws Exception {
        McpEngine engine = engine(30_000);
        FakeProject next = new FakeProject();
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> call(engine, "gate"));
        assertTrue(first.gateEntered.await(5, TimeUnit.SECONDS));

        CountDownLatch swapped = new CountDownLatch(1);
        CompletableFuture<Void> reload = CompletableFuture.runAsync(() -> {
            try {
                engine.reload(current -> {
                    assertTrue(running.isDone(), "the running call finished before the swap");
                    swapped.countDown();
                    return next;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertFalse(swapped.await(200, TimeUnit.MILLISECONDS), "the reload waits for the running call");
        CompletableFuture<String> arriving = CompletableFuture.supplyAsync(() -> call(engine, "echo"));
        Thread.sleep(100);
        assertFalse(arriving.isDone(), "a call arriving during the drain waits");

        first.gateOpen.countDown();
        assertEquals("passed", running.get(5, TimeUnit.SECONDS));
        reload.get(5, TimeUnit.SECONDS);
        assertEquals("waited", arriving.get(5, TimeUnit.SECONDS));
        assertTrue(next.lastArguments.containsKey("echo"), "the waiting call ran on the new project");
        assertFalse(first.lastArguments.containsKey("echo"));
    }

    @Test
    void aRunningEndpointCallIsCountedActiveAndListsAreNot() throws Exception {
        McpEngine engine = engine(30_000);
        assertEquals(0, engine.activeCalls());
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> call(engine, "gate"));
        assertTrue(first.gateEntered.await(5, TimeUnit.SECONDS));
        toolNames(engine);
        assertEquals(1, engine.activeCalls());
        first.gateOpen.countDown();
        assertEquals("passed", running.get(5, TimeUnit.SECONDS));
        assertEquals(0, engine.activeCalls());
    }

    @Test
    void aCallWaitingLongerThanTheLimitGetsTheReloadingMessage() throws Exception {
        McpEngine engine = engine(150);
        CountDownLatch swapping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> reload = CompletableFuture.runAsync(() -> {
            try {
                engine.reload(current -> {
                    swapping.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    return current;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(swapping.await(5, TimeUnit.SECONDS));
        try {
            JsonNode tool = handle(engine, "tools/call", Messages.call("echo", Messages.object().put("text", "x")));
            assertTrue(tool.get("isError").asBoolean());
            assertEquals("Service is reloading and taking longer than expected. Please retry in a few seconds.",
                    tool.at("/content/0/text").asText());
            JsonRpcException read = assertThrows(JsonRpcException.class,
                    () -> handle(engine, "resources/read", Messages.object().put("uri", "config://app")));
            assertEquals("Service is reloading and taking longer than expected. Please retry in a few seconds.",
                    read.getMessage());
            assertEquals(1, toolNames(engine).indexOf("add"), "lists answer during a reload");
        } finally {
            release.countDown();
        }
        reload.get(5, TimeUnit.SECONDS);
        assertEquals("x", handle(engine, "tools/call", Messages.call("echo", Messages.object().put("text", "x")))
                .at("/content/0/text").asText());
    }

    private static String call(McpEngine engine, String tool) {
        try {
            ObjectNode arguments = tool.equals("echo") ? Messages.object().put("text", "waited") : null;
            return handle(engine, "tools/call", Messages.call(tool, arguments)).at("/content/0/text").asText();
        } catch (JsonRpcException e) {
            throw new IllegalStateException(e);
        }
    }
}
