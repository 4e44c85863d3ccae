package io.mxcp.cli.command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.List;

import io.mxcp.cli.context.CliContext;
import io.mxcp.cli.output.Terminal;
import io.mxcp.kernel.api.KernelEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code mxcp} command line: parses the arguments with picocli, runs the chosen command and gives the exit
 * code (0 success, 1 failure, 2 usage error).
 */
public final class MxcpCli {

    private MxcpCli() {
    }

    /** The version and, in a distribution, which build of it: {@code 0.1.0 (build 20261129.185300 80ca614d)}. */
    static String versionText(KernelEnvironment kernel) {
        return kernel.version() + kernel.build().map(build -> " (build " + build + ")").orElse("");
    }

    public static int run(List<String> arguments, CliContext context) {
        CommandLine commandLine = new CommandLine(new MxcpCommand());
        commandLine.addSubcommand(new InitCommand(context));
        commandLine.addSubcommand(new ListCommand(context));
        commandLine.addSubcommand(new ValidateCommand(context));
        commandLine.addSubcommand(new RunCommand(context));
        commandLine.addSubcommand(new TestCommand(context));
        commandLine.addSubcommand(new LintCommand(context));
        commandLine.addSubcommand(new EvalsCommand(context));
        commandLine.addSubcommand(new QueryCommand(context));
        commandLine.addSubcommand(new ServeCommand(context));
        commandLine.addSubcommand(new DriftSnapshotCommand(context));
        commandLine.addSubcommand(new DriftCheckCommand(context));
        commandLine.addSubcommand(new LogCommand(context));
        commandLine.addSubcommand(new LogCleanupCommand(context));
        commandLine.addSubcommand(new DbtConfigCommand(context));
        // dbt's own options (--select, -s, ...) are dbt's arguments, not usage errors
        commandLine.addSubcommand(new CommandLine(new DbtCommand(context)).setUnmatchedOptionsArePositionalParams(true));

        // '@file' values belong to --param and --user-context, not to picocli's argument files
        commandLine.setExpandAtFiles(false);
        // a single-value option given twice keeps the last value, as the original's click options do
        commandLine.setOverwrittenOptionsAllowed(true);
        IVersionProvider version = () -> new String[] {"mxcp " + versionText(context.kernel())};
        commandLine.getCommandSpec().versionProvider(version);
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        withoutValues(commandLine.getCommandSpec());
        commandLine.getSubcommands().values().forEach(sub -> withoutValues(sub.getCommandSpec()));
        // serve prints JSON only when it cannot start; the option's text is the other commands'
        redescribe(commandLine.getSubcommands().get("serve").getCommandSpec(), "--json-output",
                "Print start-up errors as one JSON document on standard output.");

        Terminal terminal = context.terminal();
        commandLine.setColorScheme(Help.defaultColorScheme(terminal.colours() ? Help.Ansi.ON : Help.Ansi.OFF));
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(terminal.out(), terminal.out().charset()), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(terminal.err(), terminal.err().charset()), true));
        commandLine.setParameterExceptionHandler(new UsageErrors());
        return commandLine.execute(arguments.toArray(String[]::new));
    }

    private static void redescribe(CommandSpec spec, String optionName, String description) {
        OptionSpec option = spec.findOption(optionName);
        spec.remove(option);
        spec.addOption(OptionSpec.builder(option).description(description).build());
    }

    /** {@code --help}/{@code --version} take no value ({@code --help=true} is a usage error), like every other flag. */
    private static void withoutValues(CommandSpec spec) {
        for (OptionSpec option : List.copyOf(spec.options())) {
            if (option.usageHelp() || option.versionHelp()) {
                spec.remove(option);
                spec.addOption(OptionSpec.builder(option).arity("0").build());
            }
        }
    }
}
