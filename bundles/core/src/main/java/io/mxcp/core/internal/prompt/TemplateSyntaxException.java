package io.mxcp.core.internal.prompt;

/** A prompt template that does not parse, with Jinja2's own message ({@code TemplateSyntaxError}). */
public final class TemplateSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    TemplateSyntaxException(String message) {
        super(message);
    }
}
