package io.mxcp.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CliContext;
import io.mxcp.core.api.Project;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.core.testing.EndpointTestResult;
import io.mxcp.core.testing.EndpointTests;
import io.mxcp.core.testing.SuiteResult;
import io.mxcp.core.testing.TestCaseResult;
import io.mxcp.core.testing.TestRun;
import io.mxcp.sdk.auth.UserContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code mxcp test [TYPE NAME]}: runs the {@code tests:} of every endpoint, or of one, through the whole pipeline
 * (spec 02b §1). Exits 1 when a test failed or errored (the original exits 0; see docs/compat.md).
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the tests of every endpoint, or of the one given.")
final class TestCommand extends ProjectSubcommand {

    /** Back to the line's start and erase it (ANSI). */
    private static final String CLEAR_LINE = "\r\u001B[K";

    @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE", converter = EndpointKindConverter.class,
            description = "tool, resource or prompt (with NAME: test that endpoint only)")
    EndpointKind kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "Tool or prompt name, or resource URI.")
    String name;

    @Mixin
    CallerOptions caller;

    @Mixin
    ReadOnlyOption readOnly;

    TestCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute() throws Exception {
        UserContext user = caller.user(context.workingDirectory());
        Map<String, String> headers = caller.headers(context.workingDirectory());
        return CancelOnStop.run(context.services(), terminal, jsonOutput, stop -> {
            try (Project project = openProject(readOnly.readOnly)) {
                // the whole runtime first, as run and serve do: plugins' SQL functions there for SQL endpoints too,
                // on_init hooks run before the first test (spec 01 §5.8, §6.2)
                project.initializeRuntime();
                return run(new EndpointTests(project, user, headers).cancelledBy(stop.signal()), stop);
            }
        });
    }

    private int run(EndpointTests tests, CancelOnStop stop) throws CancelOnStop.Stopped {
        if (kind != null && name != null) {
            SuiteResult suite = tests.run(kind, name);
            stop.commit();
            if (jsonOutput) {
                printJsonResult(suitePayload(suite));
            } else {
                terminal.out().print(new TestReportText(terminal, debug()).suite(suite));
            }
            return "ok".equals(suite.status()) ? 0 : 1;
        }
        // on a terminal the line below the prompt names the endpoint under test, then is cleared
        boolean progress = !jsonOutput && context.streams().interactive();
        TestRun run = tests.runAll(label -> {
            if (progress) {
                terminal.err().print(CLEAR_LINE + "⏳ Testing " + label + "...");
                terminal.err().flush();
            }
        });
        if (progress) {
            terminal.err().print(CLEAR_LINE);
        }
        stop.commit();
        if (jsonOutput) {
            printJsonResult(runPayload(run));
        } else {
            terminal.out().print(new TestReportText(terminal, debug()).run(run));
        }
        return "ok".equals(run.status()) ? 0 : 1;
    }

    static Map<String, Object> runPayload(TestRun run) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("status", run.status());
        payload.put("tests_run", run.testsRun());
        List<Map<String, Object>> endpoints = new ArrayList<>();
        for (EndpointTestResult endpoint : run.endpoints()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("endpoint", endpoint.endpoint());
            entry.put("path", endpoint.path());
            entry.put("test_results", suitePayload(endpoint.results()));
            endpoints.add(entry);
        }
        payload.put("endpoints", endpoints);
        return payload;
    }

    static Map<String, Object> suitePayload(SuiteResult suite) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("status", suite.status());
        payload.put("tests_run", suite.testsRun());
        payload.put("tests", suite.tests().stream().map(TestCommand::casePayload).toList());
        payload.put("no_tests", suite.noTests());
        if (suite.message() != null) {
            payload.put("message", suite.message());
        }
        return payload;
    }

    private static Map<String, Object> casePayload(TestCaseResult test) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", test.name());
        payload.put("description", test.description());
        payload.put("status", test.status());
        if (test.error() != null) {
            payload.put("error", test.error());
        }
        if (test.errorCause() != null) {
            payload.put("error_cause", test.errorCause());
        }
        payload.put("time", test.seconds());
        return payload;
    }
}
