package io.mxcp.cli.command;

import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CliContext;
import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.dbt.DbtConfiguration;
import io.mxcp.core.api.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mxcp dbt-config}: the dbt profile and {@code dbt_project.yml} of the project (spec 01 §7). */
@Command(name = "dbt-config", mixinStandardHelpOptions = true,
        description = "Write this project's dbt profile (in ~/.dbt/profiles.yml) and dbt_project.yml.")
final class DbtConfigCommand extends ProfileSubcommand {

    @Option(names = "--dry-run", arity = "0", description = "Show what would be written; change nothing.")
    boolean dryRun;

    @Option(names = "--force", arity = "0", description = "Update the project's profile when it exists already.")
    boolean force;

    @Option(names = "--embed-secrets", arity = "0",
            description = "Write secret values into profiles.yml instead of env_var() templates (needs --force).")
    boolean embedSecrets;

    DbtConfigCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute() throws Exception {
        if (embedSecrets && !force) {
            throw CommandFailure.command("--embed-secrets requires --force");
        }
        try (Project project = openProject(false)) {
            DbtConfiguration configuration = DbtConfiguration.of(project, context.environment(),
                    context.workingDirectory());
            var out = terminal.out();
            out.println(terminal.heading("🔧 Configuring dbt integration"));
            out.println("   Project: " + project.name());
            out.println("   Profile: " + project.profile());
            out.println("   Mode: " + (embedSecrets ? "Embed secrets (⚠️  not recommended for production)"
                    : "Environment variables (secure)"));
            if (dryRun) {
                out.println(terminal.warning("   DRY RUN MODE"));
            }
            if (!configuration.dbtInstalled()) {
                out.println(terminal.warning("⚠️  dbt is not on the PATH: install dbt-core and dbt-duckdb to run it"));
            }
            List<Map<String, Object>> documents = configuration.documents(force, embedSecrets);
            if (!configuration.secretsLeftOut().isEmpty()) {
                out.println("ℹ️  Not in profiles.yml (DuckDB has no secret of their type): "
                        + String.join(", ", configuration.secretsLeftOut()));
            }
            if (dryRun) {
                out.println();
                out.println("Would write " + configuration.profilesFile() + ":");
                out.print(DbtConfiguration.text(documents.get(0)));
                out.println();
                out.println("Would write " + configuration.projectFile() + ":");
                out.print(DbtConfiguration.text(documents.get(1)));
                return 0;
            }
            configuration.write(documents);
            out.println();
            out.println(terminal.success("✅ dbt configuration complete!"));
            out.println("   Profile '" + configuration.names().profile() + "' in " + configuration.profilesFile());
            out.println("   " + configuration.projectFile());
            out.println();
            out.println("Next steps:");
            out.println("   mxcp dbt run       # dbt with the profile's secrets in its environment");
            out.println("   mxcp dbt test");
            return 0;
        }
    }
}
