package io.mxcp.cli.admin;

import static io.mxcp.cli.admin.JsonSchema.arrayOf;
import static io.mxcp.cli.admin.JsonSchema.bool;
import static io.mxcp.cli.admin.JsonSchema.dateTime;
import static io.mxcp.cli.admin.JsonSchema.integer;
import static io.mxcp.cli.admin.JsonSchema.nullable;
import static io.mxcp.cli.admin.JsonSchema.object;
import static io.mxcp.cli.admin.JsonSchema.enumOf;
import static io.mxcp.cli.admin.JsonSchema.string;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.mxcp.cli.serve.ReloadStatus;
import io.mxcp.core.api.Project;

/**
 * The routes about the server itself: {@code GET /}, {@code /health}, {@code /status}, {@code /bundles} (ours: what
 * runs, plugins included) and {@code POST /reload}.
 */
final class ServiceRoutes {

    private static final System.Logger LOG = System.getLogger(ServiceRoutes.class.getName());

    private final AdminContext server;

    ServiceRoutes(AdminContext server) {
        this.server = server;
    }

    private static final Map<String, Object> ROOT = object()
            .with("service", enumOf("The service's name", "mxcp-admin"))
            .with("version", string("The MXCP version"))
            .with("docs", string("Where the API's documentation page is"))
            .with("openapi", string("Where the API's OpenAPI document is"))
            .schema("What this API is");
    private static final Map<String, Object> HEALTH = object()
            .with("status", enumOf(null, "ok"))
            .with("timestamp", dateTime("The server's time, UTC"))
            .schema("The server answers");
    private static final Map<String, Object> STATUS = object()
            .with("status", enumOf(null, "ok"))
            .with("version", string("The MXCP version"))
            .with("build", nullable(string("Which build of the version runs: its build time (UTC) and, when built "
                    + "from a Git checkout, the commit; null outside a distribution")))
            .with("uptime", string("Time since start, e.g. 2h12m35s"))
            .with("uptime_seconds", integer("Time since start, seconds"))
            .with("pid", integer("The server's process id"))
            .with("profile", string("The profile served"))
            .with("mode", enumOf("The database access mode", "readonly", "readwrite"))
            .with("debug", bool("Whether the server runs with --debug"))
            .with("stopping", bool("Whether a stop signal came: the server finishes its running calls, takes no new "
                    + "ones, and ends"))
            .with("reload", object()
                    .with("in_progress", bool("Whether a reload is under way"))
                    .with("draining", bool("Whether new endpoint calls are held back until the running ones end"))
                    .with("active_requests", integer("Endpoint calls running now"))
                    .with("last_reload", nullable(dateTime("When the last reload ended, UTC")))
                    .with("last_reload_status", nullable(enumOf("How the last reload ended", "success", "error")))
                    .with("last_reload_error", nullable(string("Why the last reload kept the previous configuration")))
                    .with("last_reload_skipped", arrayOf(object()
                            .with("path", string("The endpoint file, relative to the project"))
                            .with("error", string("Why it is not served"))
                            .schema("An endpoint file"), "The invalid endpoint files the last reload serves without"))
                    .schema("Reloads"))
            .with("admin_socket", object().with("path", string("This socket's file")).schema("The admin socket"))
            .schema("The server's state");
    private static final Map<String, Object> RELOAD = object()
            .with("status", enumOf(null, "reload_initiated"))
            .with("timestamp", dateTime("When the reload was queued, UTC"))
            .with("reload_request_id", string("The request's id (a UUID)"))
            .with("message", string("What to do next"))
            .schema("The reload is queued and runs in the background");

    private static final Map<String, Object> BUNDLES = object()
            .with("deploy_folder", string("The folder watched for plugin jars (MXCP_DEPLOY, else mxcp.deploy of"
                    + " conf/mxcp.properties, else the installation's deploy/); the server log says when it does not"
                    + " exist"))
            .with("bundles", arrayOf(object()
                    .with("symbolic_name", nullable(string("Its Bundle-SymbolicName; null for a refused jar that is"
                            + " not a bundle jar")))
                    .with("version", nullable(string("Its Bundle-Version; null for a refused jar that is not a bundle"
                            + " jar")))
                    .with("state", enumOf("active: started; resolved or installed: not started (the server log says"
                            + " why); refused: a jar of the deploy folder that was not taken, nothing of it installed"
                            + " (problem says why; a version it was to replace keeps serving)", "active", "resolved",
                            "installed", "starting", "stopping", "uninstalled", "refused"))
                    .with("source", enumOf("deploy: hot deployed from the deploy folder; bundles: the platform's",
                            "deploy", "bundles", "framework"))
                    .with("file", nullable(string("The jar's file name in its folder")))
                    .with("services", arrayOf(string(null), "The interfaces of the services it registered"))
                    .with("problem", nullable(string("Why it runs but cannot serve (a deployed plugin the server could"
                            + " not use: its SQL functions clash, functions() threw), or why a refused jar was not"
                            + " taken (unresolved imports, not a bundle, failed to start); null when it serves")))
                    .schema("One installed bundle or refused jar"), "In install order, then the refused jars by file"
                    + " name"))
            .schema("Every bundle installed now, the platform's and the plugins deployed, and the deploy folder's jars"
                    + " that were not taken (a jar leaves the list when it is removed or a later version is taken)");

    void addTo(RouteTable table) {
        table.add("GET", "/", Operation.json("Describe the service", "Failed to describe the service", ROOT),
                request -> root())
                .add("GET", "/health", Operation.json("Health check", "Health check failed", HEALTH),
                        request -> health())
                .add("GET", "/status", Operation.json("Get server status", "Failed to get status", STATUS),
                        request -> status())
                .add("GET", "/bundles", Operation.json("List the installed bundles and plugins",
                        "Failed to list the bundles", BUNDLES), request -> bundles())
                .add("POST", "/reload", Operation.json("Reload the configuration, as SIGHUP does",
                        "Failed to initiate reload", RELOAD), request -> reload());
    }

    private Map<String, Object> bundles() {
        List<Map<String, Object>> bundles = server.bundles().get().stream().map(bundle -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("symbolic_name", bundle.symbolicName());
            fields.put("version", bundle.version());
            fields.put("state", bundle.state());
            fields.put("source", bundle.source());
            fields.put("file", bundle.file());
            fields.put("services", bundle.services());
            fields.put("problem", bundle.problem());
            return fields;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deploy_folder", server.deployFolder().toString());
        body.put("bundles", bundles);
        return body;
    }

    private Map<String, Object> root() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", "mxcp-admin");
        body.put("version", server.version());
        body.put("docs", "/docs");
        body.put("openapi", "/openapi.json");
        return body;
    }

    private static Map<String, Object> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("timestamp", UtcTime.zulu(Instant.now()));
        return body;
    }

    private Map<String, Object> status() {
        Project project = server.project().get();
        long uptime = Duration.between(server.started(), Instant.now()).toSeconds();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", server.version());
        body.put("build", server.build());
        body.put("uptime", (uptime / 3600) + "h" + (uptime % 3600 / 60) + "m" + (uptime % 60) + "s");
        body.put("uptime_seconds", uptime);
        body.put("pid", ProcessHandle.current().pid());
        body.put("profile", project.profile());
        body.put("mode", project.readOnly() ? "readonly" : "readwrite");
        body.put("debug", server.debug());
        body.put("stopping", server.stopping().getAsBoolean());
        body.put("reload", reloadState(server.reloadStatus().get()));
        body.put("admin_socket", Map.of("path", server.socket().toString()));
        return body;
    }

    private static Map<String, Object> reloadState(ReloadStatus status) {
        ReloadStatus.Outcome last = status.last();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("in_progress", status.inProgress());
        body.put("draining", status.draining());
        body.put("active_requests", status.activeRequests());
        body.put("last_reload", last == null ? null : UtcTime.zulu(last.finished()));
        body.put("last_reload_status", last == null ? null : last.succeeded() ? "success" : "error");
        body.put("last_reload_error", last == null ? null : last.error());
        body.put("last_reload_skipped", last == null ? List.of() : last.skipped().stream()
                .map(skipped -> Map.of("path", skipped.relativePath(), "error", skipped.message())).toList());
        return body;
    }

    private Map<String, Object> reload() {
        LOG.log(System.Logger.Level.INFO, "Reload requested over the admin API");
        server.reload().run();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "reload_initiated");
        body.put("timestamp", UtcTime.zulu(Instant.now()));
        body.put("reload_request_id", UUID.randomUUID().toString());
        body.put("message", "Reload request queued. Use GET /status to check progress.");
        return body;
    }
}
