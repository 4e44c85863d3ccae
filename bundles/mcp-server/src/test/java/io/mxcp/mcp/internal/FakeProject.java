package io.mxcp.mcp.internal;

import static io.mxcp.mcp.internal.TypeBuilder.type;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.mxcp.core.api.AuditCaller;
import io.mxcp.core.api.AuditTrail;
import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.EndpointException.Reason;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ValidationResult;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.TypeDefinition;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.InputRequest;

/**
 * A project with a few endpoints whose behaviour the tests can predict: {@code echo} (string in, string out),
 * {@code add} (integers, validates {@code a >= 0}), {@code user} (object return; null for id 0), {@code fail},
 * {@code slow} (waits until cancelled), {@code report} (sends progress and log messages), {@code gate} (waits for
 * {@link #gateOpen}), {@code ask} and {@code ask_steps} (ask the client for input), a disabled tool, a file that
 * failed to load, three resources (one asks for the client's roots) and a prompt.
 */
public final class FakeProject implements Project {
    /** Arguments each call received, by endpoint identifier. */
    public final Map<String, Map<String, Object>> lastArguments = new ConcurrentHashMap<>();
    /** Headers each call received, by endpoint identifier. */
    public final Map<String, Map<String, String>> lastHeaders = new ConcurrentHashMap<>();
    /** How the server asked the core to record each endpoint's last call in the audit log. */
    public final Map<String, AuditCaller> lastAuditCallers = new ConcurrentHashMap<>();
    /** The caller of each endpoint's last call, when it was not anonymous. */
    public final Map<String, UserContext> lastUsers = new ConcurrentHashMap<>();
    /** The requests the server refused before any endpoint ran, handed to this project's audit log. */
    public final RefusalLog audit = new RefusalLog();
    /** Counted down when {@code slow} starts; {@link #slowCancelled} when its cancellation fires. */
    public final CountDownLatch slowStarted = new CountDownLatch(1);
    public final CountDownLatch slowCancelled = new CountDownLatch(1);
    /** How many {@code slow} calls run now. */
    public final AtomicInteger slowRunning = new AtomicInteger();
    /** {@code gate} counts {@link #gateEntered} down, then waits for {@link #gateOpen}. */
    public final CountDownLatch gateEntered = new CountDownLatch(1);
    public final CountDownLatch gateOpen = new CountDownLatch(1);

    /** How long {@code slow} takes to return once cancelled. */
    private static final java.time.Duration SLOW_UNWIND = java.time.Duration.ofMillis(300);

    private final List<DiscoveredEndpoint> endpoints = new ArrayList<>();
    private Map<String, Object> userConfig = Map.of();

    public FakeProject() {
        tool("echo", "Echoes the text", List.of(param("text", type("string").description("The text"))),
                type("string"), Map.of("readOnlyHint", true, "title", "Echo"));
        TypeBuilder a = type("integer").description("First").examples(3).range(0.0, null);
        TypeBuilder b = type("integer").description("Second").defaultValue(1).range(null, 100.0);
        tool("add", "Adds", List.of(param("a", a), param("b", b)), type("number"), null);
        TypeBuilder user = type("object").property("id", type("number")).property("name", type("string"))
                .required("id").closed();
        tool("user", null, List.of(param("id", type("number"))), user, null);
        tool("fail", "Always fails", List.of(), null, null);
        tool("slow", "Waits until cancelled", List.of(), null, null);
        tool("report", "Reports progress 1, 1, 2, 3 of 3 and logs at debug, info and error", List.of(), null, null);
        tool("gate", "Waits until the test opens the gate", List.of(), null, null);
        tool("ask", "Asks the client for a user name (elicitation) and a capital (sampling) at once",
                List.of(param("topic", type("string"))), null, null);
        tool("ask_steps", "Asks for a name, then for a colour (two rounds for a 2026-07-28 client)", List.of(), null,
                null);
        endpoints.add(new DiscoveredEndpoint(Path.of("tools/hidden.yml"), "tools/hidden.yml", EndpointKind.TOOL,
                "hidden", definition(EndpointKind.TOOL, "hidden", null, null, List.of(), null, false), null));
        endpoints.add(new DiscoveredEndpoint(Path.of("tools/broken.yml"), "tools/broken.yml", EndpointKind.TOOL, null,
                null, "broken"));
        resource("config://app", "The app config", List.of());
        resource("users://{id}/profile", "A user's profile", List.of(param("id", type("number"))));
        resource("roots://client", "The client's roots (asks roots/list)", List.of());
        endpoints.add(new DiscoveredEndpoint(Path.of("prompts/greet.yml"), "prompts/greet.yml", EndpointKind.PROMPT,
                "greet", definition(EndpointKind.PROMPT, "greet", null, "Greets",
                        List.of(param("who", type("string").description("Who").examples("World", "Alice"))), null, true),
                null));
    }

    /** Adds a tool without parameters that answers its own name (a file added before a reload). */
    public FakeProject withTool(String name, String description) {
        tool(name, description, List.of(), null, null);
        return this;
    }

    /** Serves with this resolved user config (as the core hands it over). */
    public FakeProject withUserConfig(Map<String, Object> config) {
        this.userConfig = config;
        return this;
    }

    /** Removes the endpoints of that identifier (a file deleted before a reload). */
    public FakeProject without(String identifier) {
        endpoints.removeIf(endpoint -> identifier.equals(endpoint.identifier()));
        return this;
    }

    private static ParameterDefinition param(String name, TypeBuilder type) {
        return new ParameterDefinition(name, type.build());
    }

    private void tool(String name, String description, List<ParameterDefinition> parameters, TypeBuilder returns,
            Map<String, Object> annotations) {
        EndpointDefinition definition = new EndpointDefinition(EndpointKind.TOOL, name, null, description, List.of(),
                annotations, parameters, returns == null ? null : returns.build(), "sql", null, null, null, true, null, null, Path.of(name + ".yml"));
        endpoints.add(new DiscoveredEndpoint(definition.file(), "tools/" + name + ".yml", EndpointKind.TOOL, name,
                definition, null));
    }

    private void resource(String uri, String description, List<ParameterDefinition> parameters) {
        endpoints.add(new DiscoveredEndpoint(Path.of("r.yml"), "resources/r.yml", EndpointKind.RESOURCE, uri,
                definition(EndpointKind.RESOURCE, null, uri, description, parameters, null, true), null));
    }

    private static EndpointDefinition definition(EndpointKind kind, String name, String uri, String description,
            List<ParameterDefinition> parameters, TypeDefinition returns, boolean enabled) {
        return new EndpointDefinition(kind, name, uri, description, List.of(), null, parameters, returns, "sql", null,
                null, null, enabled, null, null, Path.of("x.yml"));
    }

    @Override
    public Object execute(EndpointKind kind, String identifier, Map<String, Object> arguments, CallOptions options)
            throws EndpointException {
        lastArguments.put(identifier, arguments);
        lastHeaders.put(identifier, options.requestHeaders());
        if (options.auditCaller() != null) {
            lastAuditCallers.put(identifier, options.auditCaller());
        }
        if (options.user() != null) {
            lastUsers.put(identifier, options.user());
        }
        return switch (identifier) {
            case "echo" -> arguments.get("text");
            case "add" -> {
                long first = ((Number) arguments.get("a")).longValue();
                if (first < 0) {
                    throw new EndpointException(Reason.INVALID_ARGUMENTS,
                            "Error validating parameter 'a': Value must be >= 0");
                }
                yield first + ((Number) arguments.getOrDefault("b", 1)).longValue();
            }
            case "user" -> ((Number) arguments.get("id")).doubleValue() == 0 ? null
                    : Map.of("id", arguments.get("id"), "name", "Ada");
            case "fail" -> throw new EndpointException(Reason.EXECUTION_FAILED, "Division by zero");
            case "slow" -> slow(options);
            case "report" -> report(options);
            case "gate" -> gate();
            case "ask" -> ask(options, arguments.get("topic"));
            case "ask_steps" -> askSteps(options);
            case "roots://client" -> roots(options);
            case "config://app" -> Map.of("debug", true);
            case "users://{id}/profile" -> "profile of " + arguments.get("id");
            case "greet" -> {
                if (arguments.get("who") == null) {
                    throw new EndpointException(Reason.INVALID_ARGUMENTS, "Missing required parameter 'who'");
                }
                yield List.of(Map.of("prompt", "You are kind.", "role", "system", "type", "text"),
                        Map.of("prompt", "Hello " + arguments.get("who"), "role", "assistant", "type", "text"));
            }
            default -> {
                if (endpoints.stream().anyMatch(endpoint -> identifier.equals(endpoint.identifier()))) {
                    yield identifier;
                }
                throw new EndpointException(Reason.NOT_FOUND,
                    "Endpoint '" + identifier + "' not found in " + kind.plural());
            }
        };
    }

    /** Runs of {@code ask_steps} so far (a 2026-07-28 call runs once per round). */
    public final AtomicInteger stepRuns = new AtomicInteger();

    private static Object ask(CallOptions options, Object topic) throws EndpointException {
        Map<String, InputRequest> requests = new LinkedHashMap<>();
        requests.put("user_name", InputRequest.elicitation("Your name?", Map.of("type", "object",
                "properties", Map.of("name", Map.of("type", "string")))));
        requests.put("capital", InputRequest.sampling(Map.of("maxTokens", 10, "messages", List.of(Map.of("role",
                "user", "content", Map.of("type", "text", "text", "Capital of France?"))))));
        Map<String, Map<String, Object>> answers = askClient(options, requests);
        Object name = ((Map<?, ?>) answers.get("user_name").get("content")).get("name");
        Object capital = ((Map<?, ?>) answers.get("capital").get("content")).get("text");
        return name + " asks about " + topic + ": " + capital;
    }

    private Object askSteps(CallOptions options) throws EndpointException {
        stepRuns.incrementAndGet();
        Map<String, Object> name = askClient(options, Map.of("step1", InputRequest.elicitation("Name?", Map.of())))
                .get("step1");
        Map<String, Object> colour = askClient(options, Map.of("step2", InputRequest.elicitation("Colour?", Map.of())))
                .get("step2");
        return ((Map<?, ?>) name.get("content")).get("name") + " likes " + ((Map<?, ?>) colour.get("content")).get("color");
    }

    private static Object roots(CallOptions options) throws EndpointException {
        try {
            return options.clientInput().ask(InputRequest.roots()).get("roots");
        } catch (EndpointExecutionException e) {
            throw new EndpointException(Reason.EXECUTION_FAILED, e.getMessage(), e);
        }
    }

    /** Asks and fails as the core does. */
    private static Map<String, Map<String, Object>> askClient(CallOptions options, Map<String, InputRequest> requests)
            throws EndpointException {
        try {
            return options.clientInput().ask(requests);
        } catch (EndpointExecutionException e) {
            throw new EndpointException(Reason.EXECUTION_FAILED, e.getMessage(), e);
        }
    }

    private Object gate() {
        gateEntered.countDown();
        try {
            return gateOpen.await(10, TimeUnit.SECONDS) ? "passed" : "timed out";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Object report(CallOptions options) {
        options.notifications().progress(1, 3.0, "one");
        options.notifications().progress(1, 3.0, "one again");
        options.notifications().log("debug", "fake", "a detail");
        options.notifications().progress(2, 3.0, null);
        options.notifications().log("info", "fake", Map.of("step", 2));
        options.notifications().progress(3, 3.0, "done");
        options.notifications().log("error", null, "a failure");
        return "reported";
    }

    private Object slow(CallOptions options) throws EndpointException {
        slowRunning.incrementAndGet();
        try (AutoCloseable registration = options.cancellation().onCancel(slowCancelled::countDown)) {
            slowStarted.countDown();
            if (!slowCancelled.await(10, TimeUnit.SECONDS)) {
                return "finished";
            }
            Thread.sleep(SLOW_UNWIND); // as an interrupted DuckDB query takes a moment to return
            throw new EndpointException(Reason.EXECUTION_FAILED, "Query interrupted");
        } catch (EndpointException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            slowRunning.decrementAndGet();
        }
    }

    @Override
    public List<DiscoveredEndpoint> endpoints() {
        return endpoints;
    }

    @Override
    public Path root() {
        return Path.of(".");
    }

    @Override
    public String name() {
        return "fake-project";
    }

    @Override
    public String profile() {
        return "default";
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public Path duckdbPath() {
        return Path.of("db.duckdb");
    }

    @Override
    public Map<String, Object> userConfig() {
        return userConfig;
    }

    @Override
    public Map<String, Object> siteConfig() {
        return Map.of();
    }

    @Override
    public List<ValidationResult> validateAll() {
        return List.of();
    }

    @Override
    public ValidationResult validate(Path file) {
        return new ValidationResult(file.toString(), null);
    }

    @Override
    public List<Map<String, Object>> query(String sql, Map<String, Object> parameters, CallOptions options) {
        throw new AssertionError("the MCP server runs SQL only through endpoints, never through Project.query");
    }

    @Override
    public void reloadEnded(boolean succeeded) {
    }

    @Override
    public AuditTrail auditTrail() {
        return audit;
    }

    @Override
    public Project reopen() {
        return new FakeProject();
    }

    @Override
    public void initializeRuntime() {
    }

    @Override
    public void close() {
    }
}
