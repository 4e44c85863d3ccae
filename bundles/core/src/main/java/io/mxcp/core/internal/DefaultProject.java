package io.mxcp.core.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mxcp.core.api.AuditTrail;
import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.api.ValidationResult;
import io.mxcp.core.internal.audit.AuditBackends;
import io.mxcp.core.internal.audit.AuditedCalls;
import io.mxcp.core.internal.audit.ProjectAuditTrail;
import io.mxcp.core.internal.config.ProjectSettings;
import io.mxcp.core.internal.discovery.EndpointDiscovery;
import io.mxcp.core.internal.discovery.EndpointFileCache;
import io.mxcp.core.internal.discovery.ParsedEndpointFile;
import io.mxcp.core.internal.pipeline.EndpointPipeline;
import io.mxcp.core.internal.pipeline.ExecutorRegistry;
import io.mxcp.core.internal.pipeline.ExecutorSessions;
import io.mxcp.core.internal.sqltools.BuiltinSqlTools;
import io.mxcp.core.internal.telemetry.TelemetrySession;
import io.mxcp.core.internal.telemetry.TelemetrySessions;
import io.mxcp.core.internal.validation.EndpointValidator;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.exec.EndpointExecutionException;

/** An opened project: its settings, endpoint discovery, the call pipeline, its executor sessions and telemetry. */
final class DefaultProject implements Project {

    private static final System.Logger LOG = System.getLogger(DefaultProject.class.getName());
    private static final String NO_PYTHON = "no Python executor is installed (the mxcp-<version>-python distribution "
            + "has it)";

    private final ProjectSettings settings;
    private final ExecutorRegistry executors;
    private final EndpointFileCache cache = new EndpointFileCache();
    private final EndpointDiscovery discovery;
    private final ExecutorSessions sessions;
    private final EndpointPipeline pipeline;
    private final EndpointValidator validator;
    private final BuiltinSqlTools builtins;
    private final AuditBackends auditBackends;
    private final ProjectAuditTrail auditTrail;
    private final TelemetrySessions telemetrySessions;
    /** Null when no server runs the project. */
    private final TelemetrySession telemetry;
    private final TracedCalls calls;

    /**
     * Opens the project on one use of the served project's telemetry, which it releases on close — or at once when
     * the project cannot be built, so the use does not keep the telemetry session alive.
     *
     * @param telemetry one use of the served project's telemetry, or null
     */
    static DefaultProject open(ProjectSettings settings, ExecutorRegistry executors, AuditBackends auditBackends,
            TelemetrySessions telemetrySessions, TelemetrySession telemetry) {
        try {
            return new DefaultProject(settings, executors, auditBackends, telemetrySessions, telemetry);
        } catch (RuntimeException | Error e) {
            if (telemetry != null) {
                telemetrySessions.release(telemetry);
            }
            throw e;
        }
    }

    private DefaultProject(ProjectSettings settings, ExecutorRegistry executors, AuditBackends auditBackends,
            TelemetrySessions telemetrySessions, TelemetrySession telemetry) {
        this.settings = settings;
        this.executors = executors;
        this.auditBackends = auditBackends;
        this.telemetrySessions = telemetrySessions;
        this.telemetry = telemetry;
        this.discovery = new EndpointDiscovery(settings.root(), settings.paths(), cache);
        this.sessions = new ExecutorSessions(executors, settings);
        this.builtins = settings.sqlTools() ? BuiltinSqlTools.of(settings.site().sqlTools()) : BuiltinSqlTools.none();
        this.pipeline = new EndpointPipeline(settings.root(), discovery, sessions, builtins, settings.readOnly());
        this.validator = new EndpointValidator(settings.root(), sessions);
        this.auditTrail = new ProjectAuditTrail(settings.audit(), auditBackends);
        this.calls = new TracedCalls(new AuditedCalls(pipeline, auditTrail), telemetry, settings.secrets());
    }

    /** The configuration this project was opened with (also the executors' {@code ProjectRuntime}). */
    ProjectSettings settings() {
        return settings;
    }

    EndpointDiscovery discovery() {
        return discovery;
    }

    @Override
    public Path root() {
        return settings.root();
    }

    @Override
    public String name() {
        return settings.projectName();
    }

    @Override
    public String profile() {
        return settings.activeProfile();
    }

    @Override
    public boolean readOnly() {
        return settings.readOnly();
    }

    @Override
    public Path duckdbPath() {
        return settings.duckdbPath();
    }

    @Override
    public Map<String, Object> userConfig() {
        return settings.userConfig();
    }

    @Override
    public Map<String, Object> siteConfig() {
        return settings.site().toMap();
    }

    @Override
    public List<DiscoveredEndpoint> endpoints() {
        List<DiscoveredEndpoint> found = discovery.discover();
        if (builtins.definitions().isEmpty()) {
            return found;
        }
        List<DiscoveredEndpoint> all = new ArrayList<>(found);
        builtins.definitions().forEach(tool -> all.add(new DiscoveredEndpoint(null, BuiltinSqlTools.PATH,
                EndpointKind.TOOL, tool.name(), tool, null)));
        return all;
    }

    @Override
    public List<ValidationResult> validateAll() {
        List<DiscoveredEndpoint> found = discovery.discover();
        if (found.isEmpty()) {
            return List.of(new ValidationResult("", "No endpoints found"));
        }
        List<ValidationResult> results = new ArrayList<>();
        for (DiscoveredEndpoint endpoint : found) {
            results.add(endpoint.loaded()
                    ? validator.validate(endpoint.relativePath(), endpoint.definition())
                    : new ValidationResult(endpoint.relativePath(), endpoint.error()));
        }
        return results;
    }

    @Override
    public ValidationResult validate(Path file) {
        Path absolute = root().resolve(file).toAbsolutePath().normalize();
        String relative = discovery.relativePath(absolute);
        for (DiscoveredEndpoint endpoint : discovery.discover()) {
            if (endpoint.file().toAbsolutePath().normalize().equals(absolute)) {
                return endpoint.loaded()
                        ? validator.validate(relative, endpoint.definition())
                        : new ValidationResult(relative, endpoint.error());
            }
        }
        // Not under an endpoint folder (or disabled): validate the file on its own.
        ParsedEndpointFile parsed = cache.get(absolute);
        if (parsed.definition() == null) {
            return new ValidationResult(relative, parsed.error());
        }
        return validator.validate(relative, parsed.definition());
    }

    @Override
    public Optional<EndpointDefinition> definition(EndpointKind kind, String identifier) {
        return pipeline.find(kind, identifier);
    }

    @Override
    public Optional<String> invalidFileOf(EndpointKind kind, String identifier) {
        return discovery.brokenFileOf(kind, identifier);
    }

    @Override
    public Object execute(EndpointKind kind, String identifier, Map<String, Object> arguments, CallOptions options)
            throws EndpointException {
        return calls.execute(kind, identifier, arguments, options);
    }

    @Override
    public List<Map<String, Object>> query(String sql, Map<String, Object> parameters, CallOptions options)
            throws EndpointException {
        return pipeline.query(sql, parameters, options);
    }

    @Override
    public Project reopen() {
        return open(settings, executors, auditBackends, telemetrySessions,
                telemetry == null ? null : telemetrySessions.share(telemetry));
    }

    @Override
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    @Override
    public void serving() {
        if (telemetry != null) {
            telemetry.serving();
        }
    }

    @Override
    public void reloadEnded(boolean succeeded) {
        if (telemetry != null) {
            telemetry.countReload(succeeded);
        }
    }

    @Override
    public void initializeRuntime() throws ProjectException {
        // asked first: a stop signal during the start removes the executors while their sessions open
        boolean pythonInstalled = executors.languages().contains("python");
        try {
            sessions.openAll();
        } catch (EndpointExecutionException e) {
            throw new ProjectException(e.getMessage(), e);
        }
        if (!pythonInstalled) {
            warnOfPythonWithoutExecutor();
        }
    }

    /**
     * Python plugins and endpoints run in the Python executor: without it (the distribution without Python) their
     * SQL functions are missing and their calls fail, so say why once at the start.
     */
    private void warnOfPythonWithoutExecutor() {
        List<Map<String, String>> plugins = settings.site().plugins();
        if (!plugins.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "mxcp-site.yml declares the Python plugins {0}, but " + NO_PYTHON
                    + ": their SQL functions do not exist", plugins.stream().map(plugin -> plugin.get("name")).toList());
        }
        List<String> pythonFiles = discovery.discover().stream()
                .filter(endpoint -> endpoint.loaded() && "python".equals(endpoint.definition().language()))
                .map(DiscoveredEndpoint::relativePath).toList();
        if (!pythonFiles.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "{0} define Python endpoints, but " + NO_PYTHON + ": their calls fail",
                    pythonFiles);
        }
    }

    @Override
    public void close() {
        auditTrail.close();
        sessions.close();
        if (telemetry != null) {
            telemetrySessions.release(telemetry);
        }
    }
}
