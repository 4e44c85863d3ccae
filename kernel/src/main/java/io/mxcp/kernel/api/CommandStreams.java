package io.mxcp.kernel.api;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The process's standard streams, as the command should use them.
 *
 * @param in          standard input
 * @param out         standard output (only protocol messages under {@code serve --transport stdio})
 * @param err         standard error (logs, human errors)
 * @param interactive whether standard input and output are a terminal
 */
public record CommandStreams(InputStream in, PrintStream out, PrintStream err, boolean interactive) {
}
