package io.mxcp.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;

import io.mxcp.cli.context.CliContext;
import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.context.ProjectLocator;
import io.mxcp.cli.output.Json;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectOptions;
import picocli.CommandLine.Option;

/**
 * A command that works on the project around the working directory for a profile ({@code --profile}) and can
 * print its result as the JSON envelope. How JSON output is asked for differs: see {@link ProjectSubcommand} and
 * {@link AuditSubcommand}.
 */
abstract class ProfileSubcommand extends MxcpSubcommand {

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Profile to use (default: MXCP_PROFILE, then the site's profile).")
    String profile;

    ProfileSubcommand(CliContext context) {
        super(context);
    }

    /** Opens the project; {@code readOnly} is the command's {@code --readonly} (MXCP_READONLY also counts). */
    Project openProject(boolean readOnly) throws Exception {
        return openProject(projectOptions(profile, readOnly, null));
    }

    /** Opens the project with the options given. */
    Project openProject(ProjectOptions options) throws Exception {
        requireProject();
        Project project = context.services().projectService().open(options);
        applyUserLogging(project.userConfig());
        return project;
    }

    /** Fails as every command does outside a project (no {@code mxcp-site.yml} here or above). */
    void requireProject() throws CommandFailure {
        if (ProjectLocator.findRoot(context.workingDirectory()).isEmpty()) {
            throw CommandFailure.noProject();
        }
    }

    /** How the project is opened: for {@code profile} (null: the default one), the given switches. */
    ProjectOptions projectOptions(String profileName, boolean readOnly, Boolean sqlTools) {
        return new ProjectOptions(context.workingDirectory(), profileName, readOnly || context.flag("MXCP_READONLY"),
                context.environment()).withSqlTools(sqlTools);
    }

    /** Prints {@code {"status": "ok", "result": payload}}. */
    void printJsonResult(Object payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("status", "ok");
        envelope.put("result", payload);
        terminal.out().println(Json.pretty(envelope));
    }
}
