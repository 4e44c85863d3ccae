package io.mxcp.cli.dbt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CommandFailure;
import io.mxcp.core.api.Project;

/**
 * {@code mxcp dbt <args>} (spec 01 §7): {@code dbt} run with the arguments as given, the terminal's input and
 * output, and the active profile's secrets in its environment ({@link SecretVariables}).
 */
public final class DbtProcess {

    static final String NOT_INSTALLED = "dbt CLI is not installed. Please install dbt-core and dbt-duckdb.";

    private final Path executable;
    private final Map<String, String> environment;

    private DbtProcess(Path executable, Map<String, String> environment) {
        this.executable = executable;
        this.environment = environment;
    }

    /** @throws CommandFailure when the integration is off or no {@code dbt} is on the PATH */
    public static DbtProcess of(Project project, Map<String, String> environment) throws CommandFailure {
        DbtSettings.enabledIn(project);
        Path dbt = Executables.find("dbt", environment).orElseThrow(() -> CommandFailure.command(NOT_INSTALLED));
        Map<String, String> childEnvironment = new LinkedHashMap<>(environment);
        childEnvironment.putAll(SecretVariables.of(project).environment());
        return new DbtProcess(dbt, childEnvironment);
    }

    /** Runs dbt in {@code folder} and returns its exit code. */
    public int run(List<String> arguments, Path folder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            return process.waitFor();
        } finally {
            // when waiting is interrupted; Ctrl-C on a terminal reaches dbt itself through its process group
            process.destroy();
        }
    }
}
