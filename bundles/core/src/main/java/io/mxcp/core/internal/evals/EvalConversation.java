package io.mxcp.core.internal.evals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.Project;
import io.mxcp.core.evals.ToolCallRecord;
import io.mxcp.core.internal.types.PythonText;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.sdk.exec.CancellationSignal;
import io.mxcp.sdk.model.ChatMessage;
import io.mxcp.sdk.model.ChatMessage.ToolResult;
import io.mxcp.sdk.model.ChatModel;
import io.mxcp.sdk.model.ChatRequest;
import io.mxcp.sdk.model.ModelException;
import io.mxcp.sdk.model.ToolCall;

/**
 * One prompt answered by a model with the project's tools: the model's calls run through the project's whole
 * pipeline as the test's user (conversion, policies, validation), their results go back to the model, until it
 * answers without calling a tool or has been asked {@value #MAX_MODEL_CALLS} times.
 */
public final class EvalConversation {

    public static final int MAX_MODEL_CALLS = 10;
    private static final int MAX_TOKENS = 4096;
    private static final String SYSTEM = """
            You are an assistant with access to the tools of a data project. Use them whenever they help to \
            answer the user's request, then answer in plain text.""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Project project;
    private final ChatModel model;
    private final EvalToolbox toolbox;

    public EvalConversation(Project project, ChatModel model, EvalToolbox toolbox) {
        this.project = project;
        this.model = model;
        this.toolbox = toolbox;
    }

    /**
     * The final answer and every call asked for, in order.
     *
     * @param exhausted whether the model was still calling tools when it had been asked {@value #MAX_MODEL_CALLS}
     *                  times (its last calls are recorded as not run)
     */
    public record Outcome(String answer, List<ToolCallRecord> calls, boolean exhausted) {
    }

    public Outcome run(String prompt, CallOptions options) throws ModelException {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(new ChatMessage.User(prompt));
        List<ToolCallRecord> calls = new ArrayList<>();
        for (int asked = 1;; asked++) {
            if (options.cancellation() != null && options.cancellation().isCancelled()) {
                throw new ModelException("Cancelled before the model was asked again");
            }
            ChatMessage.Assistant turn = ask(new ChatRequest(SYSTEM, messages, toolbox.specs(), MAX_TOKENS), options);
            if (turn.truncated()) {
                throw new ModelException("The model's answer was cut short at max_tokens (" + MAX_TOKENS + ")");
            }
            if (turn.calls().isEmpty()) {
                return new Outcome(turn.text(), calls, false);
            }
            if (asked == MAX_MODEL_CALLS) {
                // recorded, so must_not_call sees a forbidden call even when it was never run
                turn.calls().forEach(call -> calls.add(new ToolCallRecord(recordedName(call), arguments(call), null,
                        "not run: the model was asked " + MAX_MODEL_CALLS + " times")));
                return new Outcome(turn.text(), calls, true);
            }
            messages.add(turn);
            List<ToolResult> results = new ArrayList<>();
            for (ToolCall call : turn.calls()) {
                ToolCallRecord record = execute(call, options);
                calls.add(record);
                results.add(record.error() == null ? new ToolResult(call.id(), json(record.result()), false)
                        : new ToolResult(call.id(), record.error(), true));
            }
            messages.add(new ChatMessage.ToolResults(results));
        }
    }

    /** The model's next turn; a cancellation while the model is asked ends the request at once. */
    private ChatMessage.Assistant ask(ChatRequest request, CallOptions options) throws ModelException {
        CancellationSignal signal = options.cancellation() == null ? CancellationSignal.never() : options.cancellation();
        try (InterruptOnCancel interrupt = new InterruptOnCancel(signal)) {
            return model.complete(request);
        }
    }

    private ToolCallRecord execute(ToolCall call, CallOptions options) {
        Map<String, Object> arguments = arguments(call);
        if (arguments == null) {
            // not run with arguments made up for it
            String sent = call.unreadableArguments();
            return new ToolCallRecord(recordedName(call), null, null, "The arguments are not a JSON object: "
                    + (sent.length() > 300 ? sent.substring(0, 300) + "…" : sent));
        }
        Optional<EndpointDefinition> endpoint = toolbox.endpoint(call.name());
        if (endpoint.isEmpty()) {
            // the names the model can call, not the URIs assertions use
            return new ToolCallRecord(call.name(), arguments, null, "Tool '" + call.name()
                    + "' not found. Available tools: " + PythonText.repr(toolbox.apiNames()));
        }
        EndpointDefinition definition = endpoint.get();
        try {
            Object result = project.execute(definition.kind(), definition.identifier(), arguments, options);
            return new ToolCallRecord(definition.identifier(), arguments, result, null);
        } catch (EndpointException e) {
            return new ToolCallRecord(definition.identifier(), arguments, null,
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private String recordedName(ToolCall call) {
        return toolbox.endpoint(call.name()).map(EndpointDefinition::identifier).orElse(call.name());
    }

    /**
     * The call's arguments as recorded and run with; null when the model sent no JSON object, so that no
     * {@code must_call}'s args match the call, run or not.
     */
    private static Map<String, Object> arguments(ToolCall call) {
        if (call.unreadableArguments() != null) {
            return null;
        }
        return call.arguments() == null ? Map.of() : call.arguments();
    }

    private static String json(Object result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            return String.valueOf(result);
        }
    }
}
