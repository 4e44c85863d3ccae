package io.mxcp.sdk.model;

import java.util.List;

/** One turn of a conversation with a model. */
public sealed interface ChatMessage {

    /** What the user says. */
    record User(String text) implements ChatMessage {
    }

    /**
     * The model's turn: text, tool calls, or both.
     *
     * @param text      the text (a refusal's explanation included), or empty when the model only called tools
     * @param calls     the tools it called, in order
     * @param truncated whether the answer was cut short by the token limit (its calls may be incomplete)
     */
    record Assistant(String text, List<ToolCall> calls, boolean truncated) implements ChatMessage {
        public Assistant {
            text = text == null ? "" : text;
            calls = List.copyOf(calls);
        }

        /** A complete turn. */
        public Assistant(String text, List<ToolCall> calls) {
            this(text, calls, false);
        }
    }

    /** The results of the previous turn's calls, one per call. */
    record ToolResults(List<ToolResult> results) implements ChatMessage {
        public ToolResults {
            results = List.copyOf(results);
        }
    }

    /**
     * The outcome of one call.
     *
     * @param callId  the {@link ToolCall#id()} it answers
     * @param content the result as JSON text, or the error message
     * @param error   whether the call failed
     */
    record ToolResult(String callId, String content, boolean error) {
    }
}
