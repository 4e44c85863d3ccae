package io.mxcp.sdk.model;

import org.osgi.annotation.versioning.ConsumerType;

/** One configured model: answers a conversation with text, tool calls, or both. Thread-safe; close it when done. */
@ConsumerType
public interface ChatModel extends AutoCloseable {

    /**
     * The model's next turn.
     *
     * @throws ModelException when the API refuses the request or cannot be reached (after the configured retries);
     *                        the message names the status and the API's own error text, never the API key
     */
    ChatMessage.Assistant complete(ChatRequest request) throws ModelException;

    /** Releases the model's connections. */
    @Override
    void close();
}
