package io.mxcp.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.ProfileUsers;
import io.mxcp.core.api.Project;
import io.mxcp.core.internal.testing.TestAssertions;
import io.mxcp.core.internal.testing.TestResultNormaliser;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.CancellationSignal;

/**
 * Runs the {@code tests:} of endpoints through a project's whole pipeline (spec 02b §1): input conversion, policies,
 * executor, output validation (never skipped here) and output policies, one test after the other on the project's
 * one runtime, so what one test writes the next one sees.
 */
public final class EndpointTests {

    private static final String TEST_PROVIDER = "test";
    private static final String TEST_USER = "test_user";

    private final Project project;
    private final UserContext commandLineUser;
    private final Map<String, String> requestHeaders;
    private final CancellationSignal cancellation;

    /**
     * @param commandLineUser the {@code --user-context} user, which replaces every test's own, or null
     * @param requestHeaders  the {@code --request-headers}, or empty
     */
    public EndpointTests(Project project, UserContext commandLineUser, Map<String, String> requestHeaders) {
        this(project, commandLineUser, requestHeaders, CancellationSignal.never());
    }

    private EndpointTests(Project project, UserContext commandLineUser, Map<String, String> requestHeaders,
            CancellationSignal cancellation) {
        this.project = project;
        this.commandLineUser = commandLineUser;
        this.requestHeaders = requestHeaders == null ? Map.of() : requestHeaders;
        this.cancellation = cancellation;
    }

    /**
     * The same tests, stopped by the signal (Ctrl-C): the running test's call is cancelled and no further test
     * starts; the results then hold the tests run so far.
     *
     * @since 1.1
     */
    public EndpointTests cancelledBy(CancellationSignal signal) {
        return new EndpointTests(project, commandLineUser, requestHeaders, signal);
    }

    /** The tests of every endpoint file, in discovery order; a file that failed to load is an errored entry. */
    public TestRun runAll() {
        return runAll(label -> { });
    }

    /**
     * The tests of every endpoint file, telling which endpoint is being tested before its tests run.
     *
     * @param starting told {@code <kind>/<name>} of each endpoint before its tests run
     */
    public TestRun runAll(Consumer<String> starting) {
        List<EndpointTestResult> endpoints = new ArrayList<>();
        for (DiscoveredEndpoint endpoint : project.endpoints()) {
            if (cancellation.isCancelled()) {
                break;
            }
            if (!endpoint.fromFile()) {
                continue; // a built-in SQL tool has no tests: only the project's files are tested, as the original
            }
            if (!endpoint.loaded()) {
                endpoints.add(new EndpointTestResult(endpoint.relativePath(), endpoint.relativePath(),
                        SuiteResult.error(endpoint.error())));
                continue;
            }
            String label = label(endpoint.kind(), endpoint.identifier());
            starting.accept(label);
            endpoints.add(new EndpointTestResult(label, endpoint.relativePath(), run(endpoint.definition())));
        }
        return new TestRun(TestStatus.worst(endpoints.stream().map(e -> e.results().status()).toList()),
                endpoints.stream().mapToInt(e -> e.results().testsRun()).sum(), endpoints);
    }

    /**
     * The tests of one endpoint (a resource by its URI as declared): those of the definition its calls run, the
     * first file defining it (spec 01 §1.5).
     */
    public SuiteResult run(EndpointKind kind, String identifier) {
        return project.definition(kind, identifier).map(this::run)
                .orElseGet(() -> SuiteResult.error(project.invalidFileOf(kind, identifier)
                        .orElse("Endpoint not found: " + label(kind, identifier))));
    }

    private SuiteResult run(EndpointDefinition endpoint) {
        List<Object> tests = endpoint.tests();
        List<TestCaseResult> results = new ArrayList<>();
        if (tests != null) {
            for (Object test : tests) {
                if (cancellation.isCancelled()) {
                    break;
                }
                results.add(runOne(endpoint.kind(), endpoint.identifier(), (Map<?, ?>) test));
            }
        }
        return SuiteResult.of(results);
    }

    private TestCaseResult runOne(EndpointKind kind, String identifier, Map<?, ?> test) {
        String name = String.valueOf(test.get("name"));
        String description = test.get("description") == null ? "" : String.valueOf(test.get("description"));
        long started = System.nanoTime();
        String status;
        String error = null;
        String cause = null;
        try {
            Object result = project.execute(kind, identifier, arguments(test.get("arguments")),
                    new CallOptions(user(test.get("user_context")), requestHeaders, cancellation, false));
            error = TestAssertions.check(test, TestResultNormaliser.normalise(kind, result)).orElse(null);
            status = error == null ? "passed" : "failed";
        } catch (EndpointException | RuntimeException e) {
            status = "error";
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            cause = e.getCause() == null ? null : e.getCause().getMessage();
            // our layers wrap an executor's failure with its own message: that is no cause worth showing twice
            cause = cause == null || error.contains(cause) ? null : cause;
        }
        return new TestCaseResult(name, description, status, error, cause, (System.nanoTime() - started) / 1e9);
    }

    /** The test's {@code arguments: [{key, value}]} as the call's arguments. */
    private static Map<String, Object> arguments(Object list) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                Map<?, ?> argument = (Map<?, ?>) entry;
                arguments.put(String.valueOf(argument.get("key")), argument.get("value"));
            }
        }
        return arguments;
    }

    /** The command line's user wins; else the test's {@code user_context} is a user of provider {@code test}. */
    private UserContext user(Object userContext) {
        if (commandLineUser != null || !(userContext instanceof Map<?, ?> profile)) {
            return commandLineUser;
        }
        return ProfileUsers.of(profile, TEST_PROVIDER, TEST_USER);
    }

    private static String label(EndpointKind kind, String identifier) {
        return kind.yamlKey() + "/" + identifier;
    }
}
