package io.mxcp.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CliContext;
import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.evals.ConfiguredModel;
import io.mxcp.cli.evals.EvalsPayload;
import io.mxcp.cli.evals.EvalsReport;
import io.mxcp.cli.input.UserContextParser;
import io.mxcp.core.api.Project;
import io.mxcp.core.evals.EvalRunner;
import io.mxcp.core.evals.EvalSuite;
import io.mxcp.core.evals.EvalSuiteFile;
import io.mxcp.core.evals.EvalSuiteFiles;
import io.mxcp.core.evals.EvalSuiteResult;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.model.ChatModel;
import io.mxcp.sdk.model.ModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mxcp evals [SUITE]}: asks a language model each eval test's prompt with the project's tools, runs the calls
 * it makes through the whole pipeline, and checks what it called and answered (spec 02b §4). Exits 1 when a test
 * failed or a suite could not run.
 */
@Command(name = "evals", mixinStandardHelpOptions = true,
        description = "Run LLM eval suites: a model answers each prompt with the project's tools.")
final class EvalsCommand extends ProjectSubcommand {

    /** Back to the line's start and erase it (ANSI). */
    private static final String CLEAR_LINE = "\r\u001B[K";

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUITE", description = "Run only the suite of this name.")
    String suiteName;

    @Option(names = {"--user-context", "-u"}, paramLabel = "JSON|@FILE",
            description = "Run every test as this caller (provider cli) instead of its own user_context.")
    String userContext;

    @Option(names = {"--model", "-m"}, paramLabel = "NAME",
            description = "The model of the user config's models to use (default: the suite's, then models.default).")
    String model;

    EvalsCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute() throws Exception {
        UserContext user = userContext == null ? null : UserContextParser.parse(userContext, context.workingDirectory());
        long started = System.nanoTime();
        return CancelOnStop.run(context.services(), terminal, jsonOutput, stop -> {
            try (Project project = openProject(false)) {
                // as for mxcp run: plugins and Python's on_init are in place before the first tool call
                project.initializeRuntime();
                EvalSuiteFiles files = EvalSuiteFiles.of(project);
                Runs runs = new Runs(project, user, stop);
                return suiteName != null ? runOne(runs, files, started) : runAll(runs, files, started);
            }
        });
    }

    /** What every suite of the command runs with: the project, the caller, and the signal that stops them. */
    private record Runs(Project project, UserContext user, CancelOnStop stop) {
    }

    private int runOne(Runs runs, EvalSuiteFiles files, long started) throws Exception {
        Project project = runs.project();
        EvalSuite suite = files.find(suiteName).orElse(null);
        if (suite == null) {
            throw CommandFailure.command("Eval suite '" + suiteName + "' not found");
        }
        String modelName = ConfiguredModel.choose(model, suite.model(), project.userConfig());
        if (modelName == null) {
            throw CommandFailure.command(noModel(suite));
        }
        EvalSuiteResult result = run(runs, suite, modelName);
        runs.stop().commit();
        if (jsonOutput) {
            printJsonResult(EvalsPayload.suite(result));
        } else {
            terminal.out().print(new EvalsReport(terminal, debug()).suite(result).finish(elapsed(started)));
        }
        return result.allPassed() ? 0 : 1;
    }

    private int runAll(Runs runs, EvalSuiteFiles files, long started) throws Exception {
        Project project = runs.project();
        EvalsReport report = new EvalsReport(terminal, debug());
        List<Map<String, Object>> entries = new ArrayList<>();
        boolean allPassed = true;
        for (EvalSuiteFile file : files.all()) {
            runs.stop().checkNotStopped();
            if (!file.loaded()) {
                entries.add(EvalsPayload.errorEntry(file.path().toString(), file.relativePath(), file.error()));
                report.suiteError(file.relativePath(), file.error());
                allPassed = false;
                continue;
            }
            EvalSuite suite = file.suite();
            String modelName = ConfiguredModel.choose(model, suite.model(), project.userConfig());
            if (modelName == null) {
                entries.add(EvalsPayload.errorEntry(suite.name(), file.relativePath(), noModel(suite)));
                report.suiteError(suite.name(), noModel(suite));
                allPassed = false;
                continue;
            }
            EvalSuiteResult result;
            try {
                result = run(runs, suite, modelName);
            } catch (CommandFailure | ModelException e) {
                // a model that cannot be used fails its suites, not the whole run
                entries.add(EvalsPayload.errorEntry(suite.name(), file.relativePath(), e.getMessage()));
                report.suiteError(suite.name(), e.getMessage());
                allPassed = false;
                continue;
            }
            entries.add(EvalsPayload.suiteEntry(result, file.relativePath()));
            report.suite(result);
            allPassed &= result.allPassed();
        }
        runs.stop().commit();
        if (jsonOutput) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("suites", entries);
            if (entries.isEmpty()) {
                payload.put("no_evals", true);
            }
            payload.put("elapsed_time", elapsed(started));
            printJsonResult(payload);
        } else {
            if (entries.isEmpty()) {
                report.noEvals();
            }
            terminal.out().print(report.finish(elapsed(started)));
        }
        return allPassed ? 0 : 1;
    }

    private EvalSuiteResult run(Runs runs, EvalSuite suite, String modelName) throws CommandFailure, ModelException {
        ConfiguredModel configured = ConfiguredModel.of(modelName, runs.project().userConfig());
        boolean progress = !jsonOutput && context.streams().interactive();
        try (ChatModel chat = context.services().chatModelProvider(configured.type()).open(configured.settings())) {
            EvalRunner runner = new EvalRunner(runs.project(), chat, modelName, runs.user())
                    .cancelledBy(runs.stop().signal());
            EvalSuiteResult result = runner.run(suite, test -> {
                if (progress) {
                    terminal.err().print(CLEAR_LINE + "⏳ " + suite.name() + ": " + test + "...");
                    terminal.err().flush();
                }
            });
            if (progress) {
                terminal.err().print(CLEAR_LINE);
            }
            return result;
        }
    }

    private static String noModel(EvalSuite suite) {
        return "No model specified for eval suite '" + suite.name()
                + "'. Set 'model' in eval suite or configure a default model.";
    }

    private static double elapsed(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
