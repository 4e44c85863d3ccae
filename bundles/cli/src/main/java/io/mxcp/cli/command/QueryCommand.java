package io.mxcp.cli.command;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CliContext;
import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.input.CommandParameter;
import io.mxcp.cli.input.ParamParser;
import io.mxcp.cli.output.TableRenderer;
import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.PythonStrings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mxcp query [SQL] | --file PATH}: one SQL statement on the project's DuckDB, with its extensions, secrets
 * and plugins loaded as for endpoints, no user context; {@code --param} values are bound as {@code $name}.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run SQL on the project's DuckDB database.")
final class QueryCommand extends ProjectSubcommand {

    static final int PREVIEW_LINES = 5;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SQL", description = "The SQL to run.")
    String sql;

    @Option(names = "--file", paramLabel = "PATH", description = "Read the SQL from this file instead.")
    Path file;

    @Spec
    CommandSpec spec;

    @Option(names = {"--param", "-p"}, paramLabel = "NAME=VALUE",
            description = "A parameter bound as $NAME (repeatable); NAME=@file.json passes the file's JSON.")
    List<String> parameters = List.of();

    @Mixin
    ReadOnlyOption readOnly;

    QueryCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute() throws Exception {
        String statement = statement();
        Map<String, CommandParameter> arguments = ParamParser.parse(parameters, context.workingDirectory());
        requireProject(); // before the header: outside a project the error is all a command prints
        if (!jsonOutput) {
            terminal.out().print(header(statement, arguments));
        }
        return CancelOnStop.run(context.services(), terminal, jsonOutput, stop -> {
            List<Map<String, Object>> rows;
            try (Project project = openProject(readOnly.readOnly)) {
                project.initializeRuntime(); // plugins' SQL functions are there for the query too
                rows = project.query(statement, ParamParser.values(arguments),
                        new CallOptions(null, Map.of(), stop.signal(), false));
            }
            stop.commit();
            if (jsonOutput) {
                printJsonResult(rows);
            } else {
                terminal.out().print(results(rows));
            }
            return 0;
        });
    }

    /** The SQL from the argument or the file; exactly one of them. A missing file is a usage error (exit 2). */
    private String statement() throws Exception {
        Path source = file == null ? null : context.workingDirectory().resolve(file);
        // as click's Path(exists=True): any file that exists is read (a pipe, /dev/stdin, /dev/null)
        if (source != null && !Files.exists(source)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--file': File '" + file + "' does not exist.");
        }
        if (source != null && Files.isDirectory(source)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--file': File '" + file + "' is a directory.");
        }
        if (sql == null && file == null) {
            throw CommandFailure.badParameter("Either SQL query or --file must be provided");
        }
        if (sql != null && file != null) {
            throw CommandFailure.badParameter("Cannot provide both SQL query and --file");
        }
        if (sql != null) {
            return sql;
        }
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw CommandFailure.badParameter("File '" + file + "' is not valid UTF-8 text: save it as UTF-8");
        }
        if (text.isBlank()) {
            throw CommandFailure.badParameter("SQL query cannot be empty");
        }
        return text;
    }

    String header(String statement, Map<String, CommandParameter> arguments) {
        StringBuilder text = new StringBuilder();
        text.append('\n').append(terminal.heading("🔍 Executing Query")).append('\n');
        if (file != null) {
            text.append("   • Source: ").append(file).append('\n');
        }
        text.append('\n').append(terminal.emphasis("📝 SQL:")).append('\n');
        List<String> lines = statement.strip().lines().toList();
        lines.stream().limit(PREVIEW_LINES).forEach(line -> text.append("   ").append(line).append('\n'));
        if (lines.size() > PREVIEW_LINES) {
            text.append("   ...\n");
        }
        if (!arguments.isEmpty()) {
            text.append('\n').append(terminal.emphasis("📋 Parameters:")).append('\n');
            // the value itself, as Python prints it (run shows "<from file: …>" for a file's; query does not)
            arguments.values().forEach(parameter -> text.append("   • $").append(parameter.name()).append(" = ")
                    .append(PythonStrings.str(parameter.value())).append('\n'));
        }
        return text.append('\n').toString();
    }

    String results(List<Map<String, Object>> rows) {
        StringBuilder text = new StringBuilder();
        text.append(terminal.success("✅ Query executed successfully!")).append("\n\n");
        if (rows.isEmpty()) {
            return text.append("ℹ️  No results returned\n").toString();
        }
        text.append(terminal.emphasis("Query Results")).append('\n');
        return text.append(TableRenderer.render(rows)).toString();
    }
}
