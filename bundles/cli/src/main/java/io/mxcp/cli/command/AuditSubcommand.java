package io.mxcp.cli.command;

import io.mxcp.cli.context.CliContext;
import picocli.CommandLine.Option;

/** A command on the project's audit log: its JSON switch is spelled {@code --json}, as in the original. */
abstract class AuditSubcommand extends ProfileSubcommand {

    @Option(names = "--json", arity = "0", description = "Print exactly one JSON document on standard output.")
    boolean jsonOutput;

    AuditSubcommand(CliContext context) {
        super(context);
    }

    @Override
    boolean jsonOutput() {
        return jsonOutput;
    }
}
