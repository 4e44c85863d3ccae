package io.mxcp.cli.command;

import picocli.CommandLine.Option;

/** {@code --readonly}, for the commands that open the database. */
public final class ReadOnlyOption {

    @Option(names = "--readonly", arity = "0", description = "Open the DuckDB database read-only (also MXCP_READONLY=1).")
    boolean readOnly;

    public ReadOnlyOption() {
    }
}
