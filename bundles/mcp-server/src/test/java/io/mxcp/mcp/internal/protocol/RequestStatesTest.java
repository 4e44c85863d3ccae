package io.mxcp.mcp.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.internal.Messages;
import io.mxcp.mcp.internal.MovableClock;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;

class RequestStatesTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-07-28T12:00:00Z"));
    private final RequestStates states = new RequestStates(Messages.JSON, clock);

    private static RequestStates.Binding binding(String arguments) {
        return new RequestStates.Binding(null, "tools/call", "ask", Messages.parse(arguments));
    }

    private String refusal(String token, RequestStates.Binding binding) {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> states.redeem(token, binding));
        assertEquals(-32602, e.code());
        return e.getMessage();
    }

    @Test
    void stateComesBackOnceForTheSameRequestWithArgumentsInAnyOrder() throws Exception {
        String token = states.issue(binding("{\"a\":1,\"b\":{\"y\":2,\"x\":[1,2]}}"), Messages.parse("{\"round\":1}"));
        JsonNode state = states.redeem(token, binding("{\"b\":{\"x\":[1,2],\"y\":2},\"a\":1}"));
        assertEquals(Messages.parse("{\"round\":1}"), state);
        assertEquals("Invalid params: requestState is not accepted: it has been used already",
                refusal(token, binding("{\"a\":1,\"b\":{\"y\":2,\"x\":[1,2]}}")));
    }

    @Test
    void tamperedOrMalformedStateIsRefused() {
        String token = states.issue(binding("{}"), null);
        assertEquals("Invalid params: requestState is not accepted: its signature does not verify",
                refusal(token + "-TAMPERED", binding("{}")));
        assertEquals("Invalid params: requestState is not accepted: its signature does not verify",
                refusal(new RequestStates(Messages.JSON, clock).issue(binding("{}"), null), binding("{}")),
                "another server's key");
        assertEquals("Invalid params: requestState is not accepted: it is malformed", refusal("no state", binding("{}")));
    }

    @Test
    void stateIsBoundToTheArgumentsMethodAndTarget() {
        String token = states.issue(binding("{\"a\":1}"), null);
        String message = "Invalid params: requestState is not accepted: it was issued for another request "
                + "(user, method, name or arguments differ)";
        assertEquals(message, refusal(token, binding("{\"a\":2}")));
        assertEquals(message, refusal(token, new RequestStates.Binding(null, "prompts/get", "ask",
                Messages.parse("{\"a\":1}"))));
        assertEquals(message, refusal(token, new RequestStates.Binding("alice", "tools/call", "ask",
                Messages.parse("{\"a\":1}"))));
    }

    @Test
    void stateExpires() {
        String token = states.issue(binding("{}"), null);
        clock.advance(RequestStates.LIFETIME.plusSeconds(1));
        assertEquals("Invalid params: requestState is not accepted: it has expired", refusal(token, binding("{}")));
    }
}
