package io.mxcp.cli.serve;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.mxcp.core.api.AuditTrail;
import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.api.ValidationResult;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.exec.ServerReload;

/**
 * The project as {@code serve} hands it to the MCP server: endpoint files skipped under
 * {@code --ignore-errors} are neither listed nor callable, and endpoint calls can reload the server (Python's
 * {@code reload_duckdb}).
 */
public final class ServedProject implements Project {
    private static final System.Logger LOG = System.getLogger(ServedProject.class.getName());

    private final Project project;
    private final Set<String> skippedPaths;
    /** kind and identifier of each skipped endpoint, found once: the served set is fixed at start. */
    private final Set<String> skippedEndpoints;
    private final ServerReload reload;

    /**
     * @param skippedPaths root-relative paths of the endpoint files not to serve
     * @param reload       the server's reload, handed to every endpoint call
     */
    public ServedProject(Project project, Set<String> skippedPaths, ServerReload reload) {
        this.project = project;
        this.skippedPaths = Set.copyOf(skippedPaths);
        this.reload = reload;
        this.skippedEndpoints = skippedPaths.isEmpty() ? Set.of()
                : project.endpoints().stream()
                        .filter(endpoint -> skippedPaths.contains(endpoint.relativePath()) && endpoint.identifier() != null)
                        .map(endpoint -> key(endpoint.kind(), endpoint.identifier()))
                        .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The endpoint files of the project a server cannot serve, by path. Those it serves although they fail
     * validation (a policy condition that does not compile) are logged here, once per start or reload.
     */
    public static List<ValidationResult> invalidEndpoints(Project project) {
        List<ValidationResult> unservable = new ArrayList<>();
        for (ValidationResult result : project.validateAll().stream()
                .sorted(Comparator.comparing(ValidationResult::relativePath)).toList()) {
            if (result.valid() || result.relativePath().isEmpty()) {
                continue; // "No endpoints found" names no file: the banner says it, and the server still runs
            }
            if (result.servable()) {
                LOG.log(Level.WARNING, "{0}: {1}. The endpoint is served and this rule counts as false at every "
                        + "call, as in the original MXCP; mxcp validate reports it until it is fixed",
                        result.relativePath(), result.message());
            } else {
                unservable.add(result);
            }
        }
        return unservable;
    }

    /** The project without the endpoint files that failed validation. */
    public static ServedProject skipping(Project project, List<ValidationResult> invalid, ServerReload reload) {
        return new ServedProject(project, invalid.stream().map(ValidationResult::relativePath)
                .collect(Collectors.toSet()), reload);
    }

    private static String key(EndpointKind kind, String identifier) {
        return kind.yamlKey() + ":" + identifier;
    }

    @Override
    public Optional<EndpointDefinition> definition(EndpointKind kind, String identifier) {
        return project.definition(kind, identifier);
    }

    /**
     * The endpoints it serves, and the files that failed to load: never served, but listed as such (the admin
     * socket's {@code /endpoints} shows them with their error, as spec 03 says).
     */
    @Override
    public List<DiscoveredEndpoint> endpoints() {
        return project.endpoints().stream()
                .filter(endpoint -> !endpoint.loaded() || !skippedPaths.contains(endpoint.relativePath())).toList();
    }

    @Override
    public List<ValidationResult> validateAll() {
        return project.validateAll().stream().filter(result -> !skippedPaths.contains(result.relativePath())).toList();
    }

    @Override
    public Object execute(EndpointKind kind, String identifier, Map<String, Object> arguments, CallOptions options)
            throws EndpointException {
        // a hot path: no folder walk per call
        if (skippedEndpoints.contains(key(kind, identifier))) {
            throw new EndpointException(EndpointException.Reason.NOT_FOUND,
                    "Endpoint '" + identifier + "' not found in " + kind.plural());
        }
        return project.execute(kind, identifier, arguments, options == null ? null : options.withServerReload(reload));
    }

    @Override
    public Map<String, Object> siteConfig() {
        return project.siteConfig();
    }

    @Override
    public List<Map<String, Object>> query(String sql, Map<String, Object> parameters, CallOptions options)
            throws EndpointException {
        return project.query(sql, parameters, options);
    }

    @Override
    public Path root() {
        return project.root();
    }

    @Override
    public String name() {
        return project.name();
    }

    @Override
    public String profile() {
        return project.profile();
    }

    @Override
    public boolean readOnly() {
        return project.readOnly();
    }

    @Override
    public Path duckdbPath() {
        return project.duckdbPath();
    }

    @Override
    public Map<String, Object> userConfig() {
        return project.userConfig();
    }

    @Override
    public ValidationResult validate(Path file) {
        return project.validate(file);
    }

    /** The project opened again with the same configuration, skipping the same files. */
    @Override
    public ServedProject reopen() {
        return new ServedProject(project.reopen(), skippedPaths, reload);
    }

    @Override
    public AuditTrail auditTrail() {
        return project.auditTrail();
    }

    @Override
    public void reloadEnded(boolean succeeded) {
        project.reloadEnded(succeeded);
    }

    @Override
    public void initializeRuntime() throws ProjectException {
        project.initializeRuntime();
        AuditFolderCheck.warnIfUnwritable(project.auditTrail());
    }

    @Override
    public void close() {
        project.close();
    }
}
