package io.mxcp.cli.command;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mxcp} without a sub-command: prints the help. */
@Command(name = "mxcp", mixinStandardHelpOptions = true,
        description = "MXCP: serve tools, resources and prompts defined in YAML over MCP.")
final class MxcpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
