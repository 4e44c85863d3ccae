package io.mxcp.cli.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CliContext;
import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.context.ProjectLocator;
import io.mxcp.cli.init.ClaudeDesktopConfig;
import io.mxcp.cli.init.ProjectScaffold;
import io.mxcp.cli.init.UserConfigProjects;
import io.mxcp.cli.output.Json;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mxcp init [FOLDER]}: a new project with its folders, optionally a hello-world tool, and its database. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Create a new MXCP project.")
final class InitCommand extends MxcpSubcommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER", defaultValue = ".",
            description = "Where to create the project (created when missing; default: the current folder).")
    String folder;

    @Option(names = "--project", paramLabel = "NAME", description = "Project name (default: the folder's name).")
    String projectName;

    @Option(names = "--profile", paramLabel = "NAME", description = "Profile name (default: MXCP_PROFILE, else default).")
    String profileName;

    @Option(names = "--bootstrap", arity = "0", description = "Add a hello-world tool to start from.")
    boolean bootstrap;

    InitCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute() throws Exception {
        Path target = context.workingDirectory().resolve(folder).toAbsolutePath().normalize();
        String profile = profileName != null ? profileName
                : context.variable("MXCP_PROFILE") != null ? context.variable("MXCP_PROFILE") : "default";
        String project = projectName != null ? projectName
                : target.getFileName() == null ? "mxcp-project" : target.getFileName().toString();

        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw CommandFailure.command("The project folder " + target + " cannot be made: a file has that name");
        }
        if (ProjectLocator.findRoot(target).isPresent()) {
            throw CommandFailure.command("Cannot create a MXCP repository inside another one");
        }
        Confirmation confirmation = new Confirmation(context.streams(), terminal);
        if (!goAheadDespite(existingDatabases(target, profile), confirmation)
                || !goAheadDespiteConfiguredProject(project, confirmation)) {
            terminal.out().println("Nothing was written.");
            return 0;
        }

        ProjectScaffold scaffold = new ProjectScaffold(target);
        scaffold.writeSiteFile(project, profile);
        done("Created mxcp-site.yml");
        try {
            scaffold.createFolders();
            done("Created project directories");
        } catch (java.io.IOException e) {
            warn("Failed to create project directories: " + e.getMessage());
        }
        if (bootstrap) {
            scaffold.writeHelloWorld();
            done("Created example hello world endpoint");
        }
        initializeDatabase(target, profile);
        offerClaudeConfig(target, project, confirmation);
        terminal.out().print(nextSteps(target));
        return 0;
    }

    private static List<Path> existingDatabases(Path target, String profile) {
        String file = "db-" + profile + ".duckdb";
        List<Path> existing = new ArrayList<>();
        for (Path candidate : List.of(target.resolve(file), target.resolve("data").resolve(file))) {
            if (Files.exists(candidate)) {
                existing.add(candidate);
            }
        }
        return existing;
    }

    private boolean goAheadDespite(List<Path> existingDatabases, Confirmation confirmation) throws Exception {
        for (Path database : existingDatabases) {
            warn("A database already exists at " + database);
            if (context.streams().interactive() && !confirmation.ask("Continue and use it?")) {
                return false;
            }
        }
        return true;
    }

    private boolean goAheadDespiteConfiguredProject(String project, Confirmation confirmation) throws Exception {
        Path userConfig = UserConfigProjects.location(context.environment());
        if (!UserConfigProjects.contains(userConfig, project)) {
            return true;
        }
        String notice = "Project '" + project + "' already exists in your config.";
        if (context.streams().interactive()) {
            return confirmation.ask(notice + " Continue?");
        }
        warn(notice + " (" + userConfig + ")");
        return true;
    }

    private void initializeDatabase(Path target, String profile) {
        try (Project project = context.services().projectService()
                .open(new ProjectOptions(target, profile, false, context.environment()))) {
            project.initializeRuntime();
            done("Initialized DuckDB database");
        } catch (Exception e) {
            warn("Failed to initialize DuckDB database: " + e.getMessage());
        }
    }

    private void offerClaudeConfig(Path target, String project, Confirmation confirmation) throws Exception {
        if (!context.streams().interactive()
                || !confirmation.ask("\nWould you like to generate a Claude Desktop configuration file?")) {
            terminal.out().println("ℹ️  Skipped Claude Desktop configuration generation");
            return;
        }
        String command = context.kernel().launcher().map(path -> path.toAbsolutePath().toString()).orElse("mxcp");
        Map<String, Object> config = ClaudeDesktopConfig.serverEntry(project, command, target);
        String json = Json.pretty(config);
        Files.writeString(target.resolve(ClaudeDesktopConfig.FILE_NAME), json + "\n", StandardCharsets.UTF_8);
        done("Created " + ClaudeDesktopConfig.FILE_NAME);
        terminal.out().println(json);
    }

    /**
     * The path as one word a POSIX shell reads back as it is: single-quoted when it holds anything but safe
     * characters.
     */
    static String shellWord(String path) {
        // a leading dash would be read as an option of cd
        String word = path.startsWith("-") ? "./" + path : path;
        if (word.matches("[\\p{L}\\p{N}_./+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    String nextSteps(Path target) {
        StringBuilder text = new StringBuilder();
        text.append('\n').append(terminal.success("✨ MXCP project initialized successfully!")).append("\n\n");
        text.append(terminal.heading("📁 Project Structure:")).append('\n');
        text.append(String.format("  %-15s %s\n", "mxcp-site.yml", "project settings"));
        ProjectScaffold.FOLDER_PURPOSES.forEach((folder, purpose) ->
                text.append(String.format("  %-15s %s\n", folder + "/", purpose)));
        text.append('\n').append(terminal.heading("🚀 Next Steps:")).append('\n');
        int step = 1;
        if (!target.equals(context.workingDirectory().toAbsolutePath().normalize())) {
            text.append("  ").append(step++).append(". cd ")
                    .append(shellWord(context.workingDirectory().relativize(target).toString())).append('\n');
        }
        if (bootstrap) {
            text.append("  ").append(step++).append(". Try the example tool:   ")
                    .append(terminal.emphasis("mxcp run tool hello_world --param name=World")).append('\n');
        }
        text.append("  ").append(step++).append(". Start the MCP server:   ").append(terminal.emphasis("mxcp serve"))
                .append('\n');
        text.append("  ").append(step).append(". List and check endpoints: ").append(terminal.emphasis("mxcp list"))
                .append(" / ").append(terminal.emphasis("mxcp validate")).append('\n');
        text.append('\n').append("🔌 To use the project from Claude Desktop, add the server to ")
                .append(ClaudeDesktopConfig.location(System.getProperty("os.name"))).append('\n');
        return text.toString();
    }

    private void done(String message) {
        terminal.out().println(terminal.success("✓ ") + message);
    }

    private void warn(String message) {
        terminal.out().println(terminal.warning("⚠️  Warning: ") + message);
    }
}
