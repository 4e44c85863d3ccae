package io.mxcp.cli.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.mxcp.cli.context.CliContext;
import io.mxcp.cli.input.CommandParameter;
import io.mxcp.cli.input.ParamParser;
import io.mxcp.cli.output.ResultRenderer;
import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.Project;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.TypeDefinition;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.ClientInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mxcp run tool|resource|prompt NAME}: one endpoint call through the whole pipeline. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a tool, resource or prompt of the project.")
final class RunCommand extends ProjectSubcommand {

    /** An endpoint that asks for elicitation, sampling or roots fails: a command line has no MCP client. */
    private static final ClientInput NO_CLIENT =
            ClientInput.unavailable("which mxcp run cannot provide: there is no MCP client to answer");

    @Parameters(index = "0", paramLabel = "TYPE", converter = EndpointKindConverter.class,
            description = "tool, resource or prompt")
    EndpointKind kind;

    @Parameters(index = "1", paramLabel = "NAME",
            description = "The tool or prompt name, or the resource URI as declared (e.g. item://{id}).")
    String name;

    @Option(names = {"--param", "-p"}, paramLabel = "NAME=VALUE",
            description = "A parameter (repeatable); NAME=@file.json passes the file's JSON.")
    List<String> parameters = List.of();

    @Mixin
    CallerOptions caller;

    @Option(names = "--skip-output-validation", arity = "0",
            description = "Do not check the result against the return type.")
    boolean skipOutputValidation;

    @Mixin
    ReadOnlyOption readOnly;

    RunCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute() throws Exception {
        Map<String, CommandParameter> arguments = ParamParser.parse(parameters, context.workingDirectory());
        UserContext user = caller.user(context.workingDirectory());
        Map<String, String> headers = caller.headers(context.workingDirectory());
        return CancelOnStop.run(context.services(), terminal, jsonOutput, stop -> {
            Object result;
            try (Project project = openProject(readOnly.readOnly)) {
                if (!jsonOutput) {
                    terminal.out().print(header(arguments, sensitiveParameters(project), project.readOnly()));
                }
                CallOptions options = new CallOptions(user, headers, stop.signal(), skipOutputValidation,
                        new LoggedNotifications(), NO_CLIENT);
                // the whole runtime first, as serve does: plugins loaded and on_init hooks run (spec 01 §5.8, §6.2)
                project.initializeRuntime();
                result = project.execute(kind, name, ParamParser.values(arguments), options);
            }
            stop.commit();
            if (jsonOutput) {
                printJsonResult(result);
            } else {
                terminal.out().println(terminal.success("✅ Success!"));
                terminal.out().println();
                terminal.out().print(ResultRenderer.render(result, terminal));
            }
            return 0;
        });
    }

    /**
     * The endpoint's parameters typed {@code sensitive} (or holding such a field), whose values the banner does not
     * echo: terminal scrollback and CI logs keep it.
     */
    private Set<String> sensitiveParameters(Project project) {
        return project.definition(kind, name).map(definition -> definition.parameters().stream()
                .filter(parameter -> holdsSensitive(parameter.type())).map(ParameterDefinition::name)
                .collect(Collectors.toSet())).orElse(Set.of());
    }

    private static boolean holdsSensitive(TypeDefinition type) {
        return type != null && (type.sensitive() || holdsSensitive(type.items()) || type.properties() != null
                && type.properties().values().stream().anyMatch(RunCommand::holdsSensitive));
    }

    String header(Map<String, CommandParameter> arguments, Set<String> sensitive, boolean projectReadOnly) {
        StringBuilder text = new StringBuilder();
        text.append('\n').append(terminal.heading("🚀 Running " + kind.yamlKey() + " " + name)).append('\n');
        if (!arguments.isEmpty()) {
            text.append(terminal.emphasis("📋 Parameters:")).append('\n');
            arguments.values().forEach(parameter -> text.append("   • ").append(parameter.name()).append(" = ")
                    .append(sensitive.contains(parameter.name()) ? "[REDACTED]" : parameter.display()).append('\n'));
        }
        if (projectReadOnly) {
            text.append(terminal.warning("🔒 Mode: Read-only")).append('\n');
        }
        return text.append('\n').toString();
    }
}
