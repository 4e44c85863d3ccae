package io.mxcp.sdk.model;

import java.util.List;

/**
 * What a model is asked.
 *
 * @param system    instructions before the conversation, or null
 * @param messages  the conversation so far, starting with a user message
 * @param tools     the tools the model may call
 * @param maxTokens the most tokens the answer may have
 */
public record ChatRequest(String system, List<ChatMessage> messages, List<ToolSpec> tools, int maxTokens) {

    public ChatRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
