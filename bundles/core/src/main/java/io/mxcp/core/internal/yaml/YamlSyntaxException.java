package io.mxcp.core.internal.yaml;

/** A YAML file could not be parsed; the message is the parser's first line (spec 01 §1.5). */
public final class YamlSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    YamlSyntaxException(String message, Throwable cause) {
        super(message, cause);
    }
}
