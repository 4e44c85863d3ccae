package io.mxcp.cli.command;

import java.util.ArrayList;
import java.util.List;

import io.mxcp.cli.context.CliContext;
import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.dbt.DbtProcess;
import io.mxcp.core.api.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mxcp dbt <args>}: runs dbt with the arguments as given (unknown options included) and the active
 * profile's secrets in its environment (spec 01 §7); exits with dbt's exit code.
 */
@Command(name = "dbt",
        description = "Run dbt with the profile's secrets in its environment; every other argument goes to dbt.")
final class DbtCommand extends ProfileSubcommand {

    // only --help is ours: -h, -V and --version are dbt's (mxcp dbt --version asks dbt)
    @Option(names = "--help", arity = "0", usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(arity = "0..*", paramLabel = "DBT_ARGS", description = "Passed to dbt in order.")
    List<String> dbtArguments = new ArrayList<>();

    DbtCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute() throws Exception {
        DbtProcess dbt;
        try (Project project = openProject(false)) {
            dbt = DbtProcess.of(project, context.environment());
        } catch (CommandFailure e) {
            // the original says it on standard output too, styled, before the error (spec 02 reference §1.13)
            terminal.out().println(terminal.failure("❌ " + e.getMessage()));
            throw e;
        }
        terminal.out().flush();
        int exit = dbt.run(dbtArguments, context.workingDirectory());
        if (exit == 0) {
            terminal.out().println(terminal.success("✅ dbt command completed successfully!"));
        } else {
            terminal.out().println(terminal.failure("❌ dbt command failed with exit code: " + exit));
        }
        return exit;
    }
}
