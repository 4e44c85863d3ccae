package io.mxcp.mcp.internal.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.sdk.exec.CancellationSignal;
import io.mxcp.sdk.exec.ClientInput;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.InputRequest;

/**
 * Input for a call from a 2025-era client: each ask is a JSON-RPC request to the client on the call's own channel
 * (the POST's event stream, the stdio output), and the call waits for the client's responses, at most
 * {@link ClientRequests#patience()}. Cancelling the call ends the wait; requests still unanswered then are
 * cancelled at the client ({@code notifications/cancelled}).
 */
final class LegacyClientInput implements ClientInput {
    private final ClientRequests client;
    private final NotificationChannel channel;
    private final CancellationSignal cancellation;
    private final ObjectMapper mapper;
    private final AtomicInteger unnamed = new AtomicInteger();

    LegacyClientInput(ClientRequests client, NotificationChannel channel, CancellationSignal cancellation,
            ObjectMapper mapper) {
        this.client = client;
        this.channel = channel;
        this.cancellation = cancellation;
        this.mapper = mapper;
    }

    @Override
    public boolean supports(String capability) {
        return client.declared(capability);
    }

    @Override
    public Map<String, Object> ask(InputRequest request) throws EndpointExecutionException {
        return ask(Asks.unnamed(unnamed), request);
    }

    @Override
    public Map<String, Map<String, Object>> ask(Map<String, InputRequest> requests) throws EndpointExecutionException {
        Asks.requireDeclared(requests, this);
        if (channel == NotificationChannel.NONE) {
            throw new EndpointExecutionException("the endpoint asked the MCP client for input ("
                    + Asks.methods(requests) + "), but the answer to this request is not an event stream, so "
                    + "the server cannot send the client requests: the client must accept text/event-stream "
                    + "(and the server must not answer in JSON-response mode)");
        }
        Map<String, ClientRequests.Pending> sent = new LinkedHashMap<>();
        requests.forEach((key, request) -> sent.put(key,
                client.send(request.method(), mapper.valueToTree(request.params()), channel)));
        List<CompletableFuture<JsonNode>> responses = new ArrayList<>();
        sent.values().forEach(request -> responses.add(request.response()));
        CompletableFuture<Void> all = CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new));
        AutoCloseable registration = cancellation.onCancel(() -> all.cancel(false));
        try {
            all.get(client.patience().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(sent, "the server stopped waiting for the answer");
            throw new EndpointExecutionException("the MCP client did not answer " + Asks.methods(requests)
                    + " within " + client.patience().toSeconds() + " s");
        } catch (CancellationException e) {
            abandon(sent, "the call was cancelled");
            throw new EndpointExecutionException("the call was cancelled while it waited for the MCP client's answer to "
                    + Asks.methods(requests));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(sent, "the call was interrupted");
            throw new EndpointExecutionException("interrupted while waiting for the MCP client's answer", e);
        } catch (ExecutionException e) {
            // the futures complete with a response or are cancelled, never exceptionally
            throw new IllegalStateException(e);
        } finally {
            close(registration);
        }
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        for (Map.Entry<String, ClientRequests.Pending> entry : sent.entrySet()) {
            answers.put(entry.getKey(), result(entry.getValue()));
        }
        return answers;
    }

    private static void close(AutoCloseable registration) {
        try {
            registration.close();
        } catch (Exception e) {
            throw new IllegalStateException("removing a cancellation action failed", e);
        }
    }

    private void abandon(Map<String, ClientRequests.Pending> sent, String reason) {
        sent.values().forEach(request -> client.abandon(request, reason, channel));
    }

    private Map<String, Object> result(ClientRequests.Pending request) throws EndpointExecutionException {
        JsonNode response = request.response().join();
        JsonNode error = response.get("error");
        if (error != null) {
            throw new EndpointExecutionException("the MCP client answered " + request.method() + " with an error: "
                    + error.path("message").asText("(no message)") + " (code " + error.path("code").asText("?") + ")");
        }
        JsonNode result = response.get("result");
        if (result == null || !result.isObject()) {
            throw new EndpointExecutionException("the MCP client's answer to " + request.method() + " is not an object");
        }
        return Asks.toMap(result, mapper);
    }
}
