package io.mxcp.cli.admin;

import static io.mxcp.cli.admin.JsonSchema.arrayOf;
import static io.mxcp.cli.admin.JsonSchema.bool;
import static io.mxcp.cli.admin.JsonSchema.enumOf;
import static io.mxcp.cli.admin.JsonSchema.integer;
import static io.mxcp.cli.admin.JsonSchema.nullable;
import static io.mxcp.cli.admin.JsonSchema.object;
import static io.mxcp.cli.admin.JsonSchema.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.ProfileSettings;
import io.mxcp.core.api.Project;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;

/**
 * The routes about the served project: {@code GET /config} (metadata only, never secrets or auth settings) and
 * {@code GET /endpoints} (the endpoint files as found on disk now).
 */
final class ProjectRoutes {

    /** The endpoints a served project serves, by kind: counted as it starts serving (at start, at each reload). */
    private record Served(Project project, Map<String, Long> counts) {
    }

    private final AdminContext server;
    /** What {@code /config} reports: the endpoints of the project served now as they were when it began serving. */
    private volatile Served served;

    ProjectRoutes(AdminContext server) {
        this.server = server;
        this.served = counted(server.project().get());
    }

    private static final Map<String, Object> CONFIG = object()
            .with("status", enumOf(null, "ok"))
            .with("project", string("The project's name"))
            .with("profile", string("The profile served"))
            .with("repository_path", string("The project's folder"))
            .with("duckdb_path", nullable(string("The DuckDB database file")))
            .with("readonly", bool("Whether the database is opened read-only"))
            .with("debug", bool("Whether the server runs with --debug"))
            .with("endpoints", object()
                    .with("tools", integer(null))
                    .with("prompts", integer(null))
                    .with("resources", integer(null))
                    .schema("Endpoint files served since start, by kind (built-in SQL tools not counted)"))
            .with("features", object()
                    .with("sql_tools", bool("Whether the built-in SQL tools are served"))
                    .with("audit_logging", bool("Whether calls are audited"))
                    .with("telemetry", bool("Whether the profile enables telemetry"))
                    .schema("Features on"))
            .with("transport", string("The MCP transport"))
            .schema("The configuration's metadata: never secrets or auth settings");
    private static final Map<String, Object> ENDPOINTS = object()
            .with("endpoints", arrayOf(object()
                    .with("path", string("The file, relative to the project's folder"))
                    .with("type", nullable(enumOf(null, "tool", "resource", "prompt")))
                    .with("name", nullable(string("A tool's or prompt's name, a resource's name or URI")))
                    .with("description", nullable(string(null)))
                    .with("language", nullable(string("sql or python; null for prompts")))
                    .with("enabled", bool(null))
                    .with("status", enumOf(null, "ok", "disabled", "error"))
                    .with("error", nullable(string("Why the file does not load")))
                    .schema("One endpoint file"), null))
            .schema("The endpoint files as found on disk now");

    void addTo(RouteTable table) {
        table.add("GET", "/config", Operation.json("Get configuration metadata", "Failed to get configuration",
                CONFIG), request -> config())
                .add("GET", "/endpoints", Operation.json("List the endpoint files", "Failed to list endpoints",
                        ENDPOINTS), request -> endpoints());
    }

    /** The counts of the project served now, taken anew once a reload replaced it. */
    private Map<String, Long> servedCounts() {
        Project now = server.project().get();
        Served known = served;
        if (known.project() != now) {
            known = counted(now);
            served = known;
        }
        return known.counts();
    }

    private static Served counted(Project project) {
        return new Served(project, counts(project.endpoints()));
    }

    private static Map<String, Long> counts(List<DiscoveredEndpoint> endpoints) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (EndpointKind kind : List.of(EndpointKind.TOOL, EndpointKind.PROMPT, EndpointKind.RESOURCE)) {
            // endpoint files only: the built-in SQL tools are reported under features
            counts.put(kind.plural(), endpoints.stream()
                    .filter(endpoint -> endpoint.fromFile() && endpoint.loaded() && endpoint.kind() == kind)
                    .count());
        }
        return counts;
    }

    private Map<String, Object> config() {
        Project project = server.project().get();
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("sql_tools", server.sqlTools());
        features.put("audit_logging", project.auditTrail().enabled());
        features.put("telemetry", telemetryEnabled(project));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("project", project.name());
        body.put("profile", project.profile());
        body.put("repository_path", project.root().toString());
        body.put("duckdb_path", project.duckdbPath() == null ? null : project.duckdbPath().toString());
        body.put("readonly", project.readOnly());
        body.put("debug", server.debug());
        body.put("endpoints", servedCounts());
        body.put("features", features);
        body.put("transport", server.transport());
        return body;
    }

    /** {@code projects.<name>.profiles.<profile>.telemetry.enabled} of the user config. */
    private static boolean telemetryEnabled(Project project) {
        return Boolean.TRUE.equals(ProfileSettings.value(project, "telemetry", "enabled"));
    }

    private Map<String, Object> endpoints() {
        List<Map<String, Object>> entries = server.project().get().endpoints().stream()
                .filter(DiscoveredEndpoint::fromFile)
                .map(ProjectRoutes::entry).toList();
        return Map.of("endpoints", entries);
    }

    private static Map<String, Object> entry(DiscoveredEndpoint endpoint) {
        EndpointDefinition definition = endpoint.definition();
        boolean loaded = endpoint.loaded() && definition != null;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", endpoint.relativePath());
        entry.put("type", loaded ? endpoint.kind().yamlKey() : null);
        entry.put("name", loaded ? displayName(definition) : null);
        entry.put("description", loaded ? definition.description() : null);
        entry.put("language", loaded ? definition.language() : null);
        entry.put("enabled", loaded && definition.enabled());
        entry.put("status", !loaded ? "error" : definition.enabled() ? "ok" : "disabled");
        entry.put("error", endpoint.error());
        return entry;
    }

    /** A resource's display name, else its URI; a tool's or prompt's name. */
    private static String displayName(EndpointDefinition definition) {
        return definition.name() != null ? definition.name() : definition.uri();
    }
}
