package io.mxcp.cli.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.mxcp.cli.serve.ReloadStatus;
import io.mxcp.core.api.Project;

/** The routes about the server itself: {@code GET /}, {@code /health}, {@code /status} and {@code POST /reload}. */
final class ServiceRoutes {

    private final AdminContext server;

    ServiceRoutes(AdminContext server) {
        this.server = server;
    }

    void addTo(RouteTable table) {
        table.add("GET", "/", "Failed to describe the service", request -> root())
                .add("GET", "/health", "Health check failed", request -> health())
                .add("GET", "/status", "Failed to get status", request -> status())
                .add("POST", "/reload", "Failed to initiate reload", request -> reload());
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
        body.put("uptime", (uptime / 3600) + "h" + (uptime % 3600 / 60) + "m" + (uptime % 60) + "s");
        body.put("uptime_seconds", uptime);
        body.put("pid", ProcessHandle.current().pid());
        body.put("profile", project.profile());
        body.put("mode", project.readOnly() ? "readonly" : "readwrite");
        body.put("debug", server.debug());
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
        return body;
    }

    private Map<String, Object> reload() {
        server.reload().run();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "reload_initiated");
        body.put("timestamp", UtcTime.zulu(Instant.now()));
        body.put("reload_request_id", UUID.randomUUID().toString());
        body.put("message", "Reload request queued. Use GET /status to check progress.");
        return body;
    }
}
