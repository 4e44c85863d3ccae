package io.mxcp.mcp.api;

import java.io.IOException;

/** The server cannot start with the configuration given (the message names the setting); nothing was bound. */
public class ServerConfigException extends IOException {
    private static final long serialVersionUID = 1L;

    public ServerConfigException(String message) {
        super(message);
    }

    public ServerConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
