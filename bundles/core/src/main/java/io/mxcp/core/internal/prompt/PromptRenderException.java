package io.mxcp.core.internal.prompt;

/** A prompt template that does not parse or fails while rendering; the message is the engine's first error. */
public final class PromptRenderException extends Exception {
    private static final long serialVersionUID = 1L;

    PromptRenderException(String message) {
        super(message);
    }
}
