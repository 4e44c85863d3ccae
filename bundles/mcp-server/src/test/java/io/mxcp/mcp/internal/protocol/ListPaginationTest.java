package io.mxcp.mcp.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.Messages;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;
import io.mxcp.mcp.internal.jsonrpc.RpcResult;
import io.mxcp.sdk.exec.Cancellation;

/** The list methods in pages of {@code transport.page_size}, with cursors a client follows as given. */
class ListPaginationTest {
    private static final Classification LEGACY = new Classification(Era.LEGACY, "2025-11-25");
    private static final Classification MODERN = new Classification(Era.MODERN, "2026-07-28");

    private static FakeProject paged(int pageSize) {
        return new FakeProject().withUserConfig(Map.of("transport", Map.of("page_size", pageSize)));
    }

    private static McpEngine engine(FakeProject project) {
        return new McpEngine(project, new ServerInfo("fake", "1"), Messages.JSON);
    }

    private static JsonNode list(McpEngine engine, Classification era, String method, Object cursor)
            throws JsonRpcException {
        ObjectNode params = Messages.object();
        if (cursor != null) {
            params.set("cursor", Messages.JSON.valueToTree(cursor));
        }
        RpcResult result = engine.handle(new JsonRpcMessage(Messages.JSON.valueToTree(1), method, params),
                new RequestContext(era, Map.of(), new Cancellation()));
        return result.tree() != null ? result.tree() : Messages.parse(result.raw());
    }

    /** The names on every page, following nextCursor; the number of pages last. */
    private static List<String> allNames(McpEngine engine, Classification era, List<Integer> pageSizes)
            throws JsonRpcException {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = list(engine, era, "tools/list", cursor);
            page.get("tools").forEach(tool -> names.add(tool.get("name").asText()));
            pageSizes.add(page.get("tools").size());
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return names;
    }

    private static String refusal(McpEngine engine, String method, Object cursor) {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> list(engine, LEGACY, method, cursor));
        assertEquals(JsonRpcErrors.INVALID_PARAMS, e.code(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void withoutAPageSizeEveryItemIsOnTheFirstPage() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        List<String> names = allNames(engine(new FakeProject()), LEGACY, sizes);

        assertEquals(1, sizes.size(), names.toString());
        assertTrue(names.containsAll(List.of("echo", "add", "ask_steps")), names.toString());
    }

    @Test
    void pagesHoldThePageSizeAndTogetherTheWholeListInBothEras() throws Exception {
        List<String> whole = allNames(engine(new FakeProject()), LEGACY, new ArrayList<>());
        McpEngine engine = engine(paged(4));
        for (Classification era : List.of(LEGACY, MODERN)) {
            List<Integer> sizes = new ArrayList<>();

            assertEquals(whole, allNames(engine, era, sizes), era.toString());
            assertEquals(4, sizes.get(0));
            assertEquals(whole.size(), sizes.stream().mapToInt(Integer::intValue).sum());
            assertTrue(sizes.size() > 1, sizes.toString());
        }
        JsonNode modernPage = list(engine, MODERN, "tools/list", null);
        assertEquals("public", modernPage.get("cacheScope").asText(), modernPage.toString());
    }

    @Test
    void aCursorThisServerDidNotGiveIsInvalidParams() throws Exception {
        McpEngine engine = engine(paged(2));
        String toolsCursor = list(engine, LEGACY, "tools/list", null).get("nextCursor").asText();

        assertTrue(refusal(engine, "tools/list", "junk").contains("cursor 'junk' is not one this server gave"));
        assertTrue(refusal(engine, "tools/list", 7).contains("'cursor' must be a string"));
        assertTrue(refusal(engine, "resources/list", toolsCursor).contains("not one this server gave for resources/list"));
        assertTrue(refusal(engine, "tools/list", "x".repeat(10_000)).length() < 300, "a long cursor is not repeated whole");
    }

    @Test
    void aCursorOutlivesAReloadThatLeftTheListAsItWasButNotOneThatChangedIt() throws Exception {
        McpEngine engine = engine(paged(2));
        String cursor = list(engine, LEGACY, "tools/list", null).get("nextCursor").asText();

        engine.reload(current -> paged(2));
        assertEquals(2, list(engine, LEGACY, "tools/list", cursor).get("tools").size());

        engine.reload(current -> paged(2).withTool("added", "A new tool"));
        String refusal = refusal(engine, "tools/list", cursor);
        assertTrue(refusal.contains("earlier tools/list") && refusal.contains("list again without a cursor"), refusal);
        assertFalse(list(engine, LEGACY, "prompts/list", null).has("nextCursor"), "one prompt: one page");
    }
}
