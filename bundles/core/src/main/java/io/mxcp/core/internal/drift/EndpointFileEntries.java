package io.mxcp.core.internal.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.api.Project;
import io.mxcp.core.api.ValidationResult;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.testing.EndpointTestResult;
import io.mxcp.core.testing.EndpointTests;
import io.mxcp.core.testing.SuiteResult;
import io.mxcp.core.testing.TestCaseResult;
import io.mxcp.sdk.exec.CancellationSignal;

/**
 * A snapshot's {@code resources}: one entry per endpoint file, in discovery order. A file that did not load has only
 * its {@code validation_results}; the others also their test results (run without a user), definition and metadata.
 */
public final class EndpointFileEntries {

    private EndpointFileEntries() {
    }

    public static List<Map<String, Object>> of(Project project, CancellationSignal cancellation) {
        // the built-in SQL tools are endpoints without a file
        List<DiscoveredEndpoint> files = project.endpoints().stream().filter(DiscoveredEndpoint::fromFile).toList();
        if (files.isEmpty()) {
            return List.of(); // validateAll() would report "No endpoints found" as a file
        }
        Map<String, String> problems = new HashMap<>();
        for (ValidationResult result : project.validateAll()) {
            problems.put(result.relativePath(), result.message());
        }
        Map<String, SuiteResult> tests = new HashMap<>();
        for (EndpointTestResult result : new EndpointTests(project, null, Map.of()).cancelledBy(cancellation).runAll()
                .endpoints()) {
            tests.put(result.path(), result.results());
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (DiscoveredEndpoint file : files) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (!file.loaded()) {
                entry.put("validation_results", validation(file.relativePath(), file.error()));
            } else {
                entry.put("validation_results", validation(file.relativePath(), problems.get(file.relativePath())));
                entry.put("test_results", testResults(tests.get(file.relativePath())));
                Map<String, Object> definition = EndpointDocuments.read(file.file());
                entry.put("definition", definition);
                if (definition.get("metadata") instanceof Map<?, ?> metadata) {
                    entry.put("metadata", metadata);
                }
            }
            entries.add(entry);
        }
        return entries;
    }

    /** {@code {status: ok|error, path, message?}} */
    private static Map<String, Object> validation(String path, String problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", problem == null ? "ok" : "error");
        json.put("path", path);
        if (problem != null) {
            json.put("message", problem);
        }
        return json;
    }

    /** {@code {status, tests_run, tests?, message?, no_tests?}}: no empty list, {@code no_tests} only when true. */
    private static Map<String, Object> testResults(SuiteResult suite) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", suite.status());
        json.put("tests_run", suite.testsRun());
        if (!suite.tests().isEmpty()) {
            json.put("tests", suite.tests().stream().map(EndpointFileEntries::test).toList());
        }
        if (suite.message() != null) {
            json.put("message", suite.message());
        }
        if (suite.noTests()) {
            json.put("no_tests", true);
        }
        return json;
    }

    /**
     * {@code {name, description?, status, error?}}. No {@code time} (spec 02b §3): it differs on every run, and the
     * comparison ignores it.
     */
    private static Map<String, Object> test(TestCaseResult test) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", test.name());
        if (!test.description().isEmpty()) {
            json.put("description", test.description());
        }
        json.put("status", test.status());
        if (test.error() != null) {
            json.put("error", test.error());
        }
        return json;
    }
}
