package io.mxcp.cli.fakes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.mxcp.core.api.AuditTrail;
import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.api.ValidationResult;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;

/** A project whose endpoints, validation results and call results a test sets up; it records what was asked. */
public final class FakeProject implements Project {

    public final Path root;
    public final List<DiscoveredEndpoint> endpoints = new ArrayList<>();
    public final Map<String, String> validationErrors = new LinkedHashMap<>();
    private final Set<String> servableErrors = new HashSet<>();
    public Map<String, Object> userConfig = new LinkedHashMap<>();
    public Map<String, Object> siteConfig = new LinkedHashMap<>();
    public boolean readOnly;
    public Object result;
    public List<Map<String, Object>> rows = List.of();
    public EndpointException failure;
    /** What the endpoint does with the call's options while it runs (e.g. report progress). */
    public Consumer<CallOptions> whileRunning = options -> { };

    public int runtimeInitializations;
    /** Thrown by {@link #initializeRuntime()} when set. */
    public ProjectException runtimeFailure;
    /** What {@link #reopen()} returns (a fresh project of the same root when unset). */
    public FakeProject reopened;
    public boolean closed;
    /** The outcomes of the reloads counted on this project, in order. */
    public final List<Boolean> reloadsEnded = new ArrayList<>();
    /** How often the server said it serves this project. */
    public int servingReported;
    public EndpointKind calledKind;
    public String calledIdentifier;
    public Map<String, Object> calledArguments;
    public CallOptions calledOptions;
    public String queriedSql;
    /** The profile's audit log: off until a test enables it. */
    public final FakeAuditTrail audit;

    public FakeProject(Path root) {
        this.root = root;
        this.audit = new FakeAuditTrail(root.resolve("audit/logs-default.jsonl"));
    }

    public FakeProject withTool(String name, String relativePath) {
        endpoints.add(new DiscoveredEndpoint(root.resolve(relativePath), relativePath, EndpointKind.TOOL, name, null, null));
        return this;
    }

    /** One of the core's built-in SQL tools: no file, path {@code built-in}. */
    public FakeProject withBuiltInTool(String name) {
        endpoints.add(new DiscoveredEndpoint(null, "built-in", EndpointKind.TOOL, name, null, null));
        return this;
    }

    public FakeProject withEndpoint(EndpointKind kind, String identifier, String relativePath) {
        endpoints.add(new DiscoveredEndpoint(root.resolve(relativePath), relativePath, kind, identifier, null, null));
        return this;
    }

    /** A tool whose definition holds only its {@code tests:}, as endpoint YAML lists them. */
    public FakeProject withTestedTool(String name, String relativePath, List<Object> tests) {
        EndpointDefinition definition = new EndpointDefinition(EndpointKind.TOOL, name, null, null, List.of(), null,
                List.of(), null, "sql", null, null, null, true, null, tests, root.resolve(relativePath));
        endpoints.add(new DiscoveredEndpoint(definition.file(), relativePath, EndpointKind.TOOL, name, definition, null));
        return this;
    }

    public FakeProject withBrokenFile(EndpointKind kind, String relativePath, String error) {
        endpoints.add(new DiscoveredEndpoint(root.resolve(relativePath), relativePath, kind, null, null, error));
        return this;
    }

    public FakeProject invalid(String relativePath, String message) {
        validationErrors.put(relativePath, message);
        return this;
    }

    /** A file validation reports although a server may serve it (a policy condition that does not compile). */
    public FakeProject invalidButServable(String relativePath, String message) {
        servableErrors.add(relativePath);
        return invalid(relativePath, message);
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String profile() {
        return "default";
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public Path duckdbPath() {
        return root.resolve("data/db-default.duckdb");
    }

    @Override
    public Map<String, Object> userConfig() {
        return userConfig;
    }

    @Override
    public Map<String, Object> siteConfig() {
        return siteConfig;
    }

    @Override
    public List<DiscoveredEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    @Override
    public List<ValidationResult> validateAll() {
        List<DiscoveredEndpoint> files = endpoints.stream().filter(e -> e.file() != null).toList();
        if (files.isEmpty()) {
            return List.of(new ValidationResult("", "No endpoints found")); // as the core reports no endpoint files
        }
        return files.stream().map(e -> result(e.relativePath(), e.loaded() ? null : e.error())).toList();
    }

    @Override
    public ValidationResult validate(Path file) {
        return endpoints.stream().filter(e -> e.file().equals(file)).findFirst()
                .map(e -> result(e.relativePath(), e.error()))
                .orElseThrow(() -> new AssertionError("validate called for an undiscovered file " + file));
    }

    private ValidationResult result(String relativePath, String loadError) {
        if (loadError != null) {
            return new ValidationResult(relativePath, loadError);
        }
        String problem = validationErrors.get(relativePath);
        return new ValidationResult(relativePath, problem, problem == null || servableErrors.contains(relativePath));
    }

    @Override
    public Object execute(EndpointKind kind, String identifier, Map<String, Object> arguments, CallOptions options)
            throws EndpointException {
        calledKind = kind;
        calledIdentifier = identifier;
        calledArguments = arguments;
        calledOptions = options;
        whileRunning.accept(options);
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    @Override
    public List<Map<String, Object>> query(String sql, Map<String, Object> parameters, CallOptions options)
            throws EndpointException {
        queriedSql = sql;
        calledArguments = parameters;
        if (failure != null) {
            throw failure;
        }
        return rows;
    }

    @Override
    public AuditTrail auditTrail() {
        return audit;
    }

    @Override
    public void serving() {
        servingReported++;
    }

    @Override
    public void reloadEnded(boolean succeeded) {
        reloadsEnded.add(succeeded);
    }

    @Override
    public void initializeRuntime() throws ProjectException {
        runtimeInitializations++;
        if (runtimeFailure != null) {
            throw runtimeFailure;
        }
    }

    @Override
    public FakeProject reopen() {
        if (reopened == null) {
            reopened = new FakeProject(root);
        }
        return reopened;
    }

    @Override
    public void close() {
        closed = true;
    }
}
