package io.mxcp.kernel.api;

import java.util.List;

/**
 * Runs one {@code mxcp} command line. The CLI bundle registers it; the kernel calls it once with the
 * process's arguments and exits with the returned code. {@code serve} returns only when the server stops.
 */
public interface CommandLineHandler {
    int run(List<String> arguments, CommandStreams streams);
}
