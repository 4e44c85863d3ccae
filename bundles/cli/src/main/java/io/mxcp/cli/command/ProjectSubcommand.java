package io.mxcp.cli.command;

import io.mxcp.cli.context.CliContext;
import picocli.CommandLine.Option;

/** A project command whose JSON switch is {@code --json-output} (every one but the audit log commands). */
abstract class ProjectSubcommand extends ProfileSubcommand {

    @Option(names = "--json-output", arity = "0", description = "Print exactly one JSON document on standard output.")
    boolean jsonOutput;

    ProjectSubcommand(CliContext context) {
        super(context);
    }

    @Override
    boolean jsonOutput() {
        return jsonOutput;
    }
}
