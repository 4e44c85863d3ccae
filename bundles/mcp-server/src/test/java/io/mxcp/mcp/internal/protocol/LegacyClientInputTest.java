package io.mxcp.mcp.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.Messages;
import io.mxcp.sdk.exec.Cancellation;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.InputRequest;
import io.mxcp.sdk.exec.MissingClientCapabilityException;

/** Server requests to a 2025-era client: correlation of responses, the bounded wait, cancellation. */
class LegacyClientInputTest {
    private final BlockingQueue<ObjectNode> sent = new LinkedBlockingQueue<>();
    private final NotificationChannel channel = sent::add;
    private final Cancellation cancellation = new Cancellation();

    private ClientRequests client(Duration patience, String... capabilities) {
        ClientRequests client = new ClientRequests(Messages.JSON, patience);
        ObjectNode declared = Messages.object();
        List.of(capabilities).forEach(declared::putObject);
        client.declare(declared);
        return client;
    }

    private LegacyClientInput input(ClientRequests client) {
        return new LegacyClientInput(client, channel, cancellation, Messages.JSON);
    }

    private ObjectNode nextSent() throws InterruptedException {
        ObjectNode message = sent.poll(5, TimeUnit.SECONDS);
        assertTrue(message != null, "nothing sent within 5 s");
        return message;
    }

    private static ObjectNode response(JsonNode id, String resultJson) {
        ObjectNode response = Messages.object().put("jsonrpc", "2.0");
        response.set("id", id);
        response.set("result", Messages.parse(resultJson));
        return response;
    }

    @Test
    void concurrentAsksGetTheirOwnAnswers() throws Exception {
        ClientRequests client = client(Duration.ofSeconds(10), "roots", "elicitation");
        CompletableFuture<Map<String, Object>> roots = CompletableFuture.supplyAsync(() -> ask(input(client),
                InputRequest.roots()));
        JsonNode rootsId = nextSent().get("id");
        CompletableFuture<Map<String, Object>> form = CompletableFuture.supplyAsync(() -> ask(input(client),
                InputRequest.elicitation("Name?", Map.of())));
        ObjectNode formRequest = nextSent();
        assertEquals("elicitation/create", formRequest.get("method").asText());

        assertTrue(client.answer(response(formRequest.get("id"), "{\"action\":\"decline\"}")));
        assertTrue(client.answer(response(rootsId, "{\"roots\":[]}")));
        assertEquals(Map.of("action", "decline"), form.get(5, TimeUnit.SECONDS));
        assertEquals(Map.of("roots", List.of()), roots.get(5, TimeUnit.SECONDS));
        assertFalse(client.answer(response(rootsId, "{\"roots\":[]}")), "a request is answered once");
        assertFalse(client.answer(response(Messages.JSON.valueToTree(999), "{}")), "an unknown id is ignored");
    }

    @Test
    void aClientThatDoesNotAnswerInTimeIsToldTheRequestIsWithdrawn() throws Exception {
        ClientRequests client = client(Duration.ofSeconds(1), "elicitation");
        EndpointExecutionException e = assertThrows(EndpointExecutionException.class,
                () -> input(client).ask("name", InputRequest.elicitation("Name?", Map.of())));
        assertEquals("the MCP client did not answer elicitation/create within 1 s", e.getMessage());
        JsonNode asked = nextSent();
        ObjectNode withdrawn = nextSent();
        assertEquals("notifications/cancelled", withdrawn.get("method").asText());
        assertEquals(asked.get("id"), withdrawn.at("/params/requestId"));
        assertFalse(client.answer(response(asked.get("id"), "{\"action\":\"accept\"}")), "a late answer is ignored");
    }

    @Test
    void cancellingTheCallEndsTheWait() throws Exception {
        ClientRequests client = client(Duration.ofSeconds(30), "sampling");
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                input(client).ask(InputRequest.sampling(Map.of("maxTokens", 5, "messages", List.of())));
                return null;
            } catch (EndpointExecutionException e) {
                return e;
            }
        });
        JsonNode asked = nextSent();
        cancellation.cancel();
        assertEquals("the call was cancelled while it waited for the MCP client's answer to sampling/createMessage",
                failure.get(5, TimeUnit.SECONDS).getMessage());
        assertEquals(asked.get("id"), nextSent().at("/params/requestId"));
    }

    @Test
    void askingThroughAnUndeclaredCapabilitySendsNothing() {
        ClientRequests client = client(Duration.ofSeconds(1), "elicitation");
        LegacyClientInput input = input(client);
        assertTrue(input.supports("elicitation"));
        assertFalse(input.supports("roots"));
        MissingClientCapabilityException e = assertThrows(MissingClientCapabilityException.class,
                () -> input.ask(Map.of("r", InputRequest.roots())));
        assertEquals(Set.of("roots"), e.capabilities());
        assertTrue(sent.isEmpty());
    }

    private static Map<String, Object> ask(LegacyClientInput input, InputRequest request) {
        try {
            return input.ask(request);
        } catch (EndpointExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
