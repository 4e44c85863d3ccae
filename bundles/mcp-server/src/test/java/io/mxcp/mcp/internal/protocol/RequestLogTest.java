package io.mxcp.mcp.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.LogLines;
import io.mxcp.mcp.internal.Messages;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;
import io.mxcp.sdk.exec.Cancellation;

/** What {@code serve --debug} logs of each MCP request, and of a failed endpoint call. */
class RequestLogTest {
    private static final Classification MODERN = new Classification(Era.MODERN, "2026-07-28");

    private final McpEngine engine = new McpEngine(new FakeProject(), new ServerInfo("fake", "1"), Messages.JSON);

    @AfterEach
    void quiet() {
        Logger.getLogger(RequestLog.class.getName()).setLevel(null);
        Logger.getLogger(EndpointMethods.class.getName()).setLevel(null);
    }

    private void call(String method, ObjectNode params) throws JsonRpcException {
        engine.handle(new JsonRpcMessage(Messages.JSON.valueToTree(1), method, params),
                new RequestContext(MODERN, Map.of(), new Cancellation()));
    }

    private static ObjectNode named(String key, String value) {
        ObjectNode params = Messages.object().put(key, value);
        params.set("arguments", Messages.object().put("text", "hi"));
        return params;
    }

    @Test
    void atDebugEachRequestIsOneLineWithItsEndpointOutcomeAndTime() throws Exception {
        try (LogLines log = LogLines.of(RequestLog.class.getName())) {
            call("tools/call", named("name", "echo"));
            assertEquals(List.of(), log.lines(), "nothing above DEBUG");

            Logger.getLogger(RequestLog.class.getName()).setLevel(Level.FINE);
            call("tools/call", named("name", "echo"));
            call("resources/read", named("uri", "config://app"));
            assertThrows(JsonRpcException.class, () -> call("tools/call", named("name", "nope")));
            call("tools/list", Messages.object());
            call("tools/call", named("name", "fail"));
            List<String> lines = log.lines();
            assertEquals(5, lines.size(), lines.toString());
            assertTrue(lines.get(0).matches("FINE tools/call echo: answered in \\d+\\.\\d ms"), lines.get(0));
            assertTrue(lines.get(1).startsWith("FINE resources/read config://app: answered in "), lines.get(1));
            assertTrue(lines.get(2).startsWith("FINE tools/call nope: error -32602 (Unknown tool: nope) in "),
                    lines.get(2));
            assertTrue(lines.get(3).startsWith("FINE tools/list: answered in "), lines.get(3));
            assertTrue(lines.get(4).startsWith("FINE tools/call fail: answered with a tool error in "), lines.get(4));
        }
    }

    @Test
    void atDebugACallItsClientCancelledIsLoggedAsCancelled() throws Exception {
        try (LogLines log = LogLines.of(RequestLog.class.getName())) {
            Logger.getLogger(RequestLog.class.getName()).setLevel(Level.FINE);
            Cancellation cancelled = new Cancellation();
            cancelled.cancel();
            engine.handle(new JsonRpcMessage(Messages.JSON.valueToTree(1), "tools/call", named("name", "fail")),
                    new RequestContext(MODERN, Map.of(), cancelled));
            assertTrue(log.lines().getFirst().startsWith("FINE tools/call fail: cancelled by the client in "),
                    log.lines().toString());
        }
    }

    @Test
    void atDebugAFailedCallIsLoggedWithItsTrace() throws Exception {
        try (LogLines log = LogLines.of(EndpointMethods.class.getName())) {
            call("tools/call", named("name", "fail"));
            assertEquals(List.of("WARNING tools/call fail failed: Division by zero"), log.lines());

            Logger.getLogger(EndpointMethods.class.getName()).setLevel(Level.FINE);
            call("tools/call", named("name", "fail"));
            String traced = log.lines().get(1);
            assertTrue(traced.startsWith("WARNING tools/call fail failed: io.mxcp.core.api.EndpointException: "
                    + "Division by zero" + System.lineSeparator() + "\tat "), traced);
        }
    }
}
