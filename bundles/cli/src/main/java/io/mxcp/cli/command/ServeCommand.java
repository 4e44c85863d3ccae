package io.mxcp.cli.command;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.cli.admin.AdminContext;
import io.mxcp.cli.admin.AdminSettings;
import io.mxcp.cli.admin.AdminSocket;
import io.mxcp.cli.context.CliContext;
import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.context.ProfileSettings;
import io.mxcp.cli.context.ServiceAccess;
import io.mxcp.cli.output.Json;
import io.mxcp.cli.serve.ProjectReloader;
import io.mxcp.cli.serve.ServeSettings;
import io.mxcp.cli.serve.ServedProject;
import io.mxcp.cli.serve.ServerLifecycle;
import io.mxcp.cli.serve.Transport;
import io.mxcp.cli.serve.TransportConverter;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectOptions;
import io.mxcp.core.api.ProjectService;
import io.mxcp.core.api.ServerInfo;
import io.mxcp.core.api.ValidationResult;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;
import io.mxcp.mcp.api.McpServerService;
import io.mxcp.mcp.api.RunningServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mxcp serve}: validates every endpoint, then serves the project over MCP until SIGINT/SIGTERM (or the
 * end of standard input for stdio), reloading on SIGHUP. Human notices go to standard error; with stdio, standard
 * output carries protocol messages only. With {@code MXCP_ADMIN_ENABLED}, an admin socket serves alongside.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the project over MCP.")
final class ServeCommand extends ProjectSubcommand {

    private static final System.Logger LOG = System.getLogger(ServeCommand.class.getName());

    @Option(names = "--transport", paramLabel = "streamable-http|sse|stdio", converter = TransportConverter.class,
            description = "Transport (default: transport.provider of the user config, else streamable-http); sse,"
                    + " the older HTTP+SSE transport, is not supported.")
    Transport transport;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: transport.http.port, else 8000).")
    Integer port;

    @Option(names = "--stateless", arity = "0", description = "Stateless streamable HTTP: no sessions.")
    boolean stateless;

    @Option(names = "--sql-tools", arity = "1", paramLabel = "true|false", converter = TrueOrFalse.class,
            description = "Serve the built-in SQL tools (default: sql_tools.enabled of the site).")
    Boolean sqlTools;

    /** {@code true} or {@code false} exactly, as the original's choice: {@code TRUE}, {@code yes} are usage errors. */
    static final class TrueOrFalse implements ITypeConverter<Boolean> {
        private final ChoiceConverter words = new ChoiceConverter("true", "false") { };

        @Override
        public Boolean convert(String value) {
            return Boolean.valueOf(words.convert(value));
        }
    }

    @Option(names = "--ignore-errors", arity = "0",
            description = "Start even when endpoints fail validation; they are skipped.")
    boolean ignoreErrors;

    @Override
    boolean stdoutIsProtocol() {
        return transport == Transport.STDIO;
    }

    @Mixin
    ReadOnlyOption readOnly;

    ServeCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute() throws Exception {
        ServerLogging.forServer(debug());
        Instant started = Instant.now();
        // a served project starts its profile's telemetry; the transport not given here is the user config's
        ServerInfo server = new ServerInfo(transport == null ? null : transport.cliName(), context.kernel().version());
        Project project = openProject(projectOptions(profile, readOnly.readOnly, sqlTools).withServer(server));
        boolean handedOver = false;
        try {
            ServeSettings settings = ServeSettings.resolve(transport, port, stateless, project.userConfig());
            McpServerService mcp = context.services().mcpServer();
            AdminSettings admin = AdminSettings.from(context);
            checkEarly(mcp, settings, admin);
            project.initializeRuntime();
            List<ValidationResult> failed = ServedProject.invalidEndpoints(project);
            if (!failed.isEmpty() && !ignoreErrors) {
                reportStartupFailure(failed);
                return 1;
            }
            failed.forEach(result -> LOG.log(System.Logger.Level.WARNING, "Failed to load endpoint {0}: {1}",
                    result.relativePath(), result.message()));
            // a reload reads the files again for the profile active now: the profile itself needs a restart
            ProjectOptions reopen = projectOptions(project.profile(), readOnly.readOnly, sqlTools).withServer(server);
            ProjectService projects = context.services().projectService();
            ProjectReloader reloader = new ProjectReloader(() -> projects.open(reopen));
            ServedProject served = ServedProject.skipping(project, failed, reloader);
            RunningServer running = settings.transport() == Transport.STDIO
                    ? mcp.startStdio(served, context.streams().in(), context.streams().out())
                    : mcp.startHttp(served, settings.http());
            reloader.serve(running, served);
            ServerLifecycle lifecycle = new ServerLifecycle(running, reloader, terminal.err(), context.services());
            AdminSocket adminSocket;
            try {
                adminSocket = startAdmin(admin, started, settings, served, reloader, lifecycle);
            } catch (CommandFailure e) {
                running.close();
                throw e;
            }
            handedOver = true;
            project.serving();
            terminal.err().print(banner(served, settings, running, failed, adminSocket));
            terminal.err().flush();
            LOG.log(System.Logger.Level.INFO, "mxcp {0} (pid {1}) serving project {2} (profile {3}) {4}",
                    MxcpCli.versionText(context.kernel()), String.valueOf(ProcessHandle.current().pid()), served.name(),
                    served.profile(), settings.transport() == Transport.STDIO ? "over stdio"
                            : "at " + url(settings.host(), running.port()));
            // the admin socket closes after the server has stopped (try-with-resources skips a null one); a SIGHUP
            // that came while the server started is handed to the reloader as it registers (the kernel holds it).
            // SIGHUP also opens the log file anew, first, so that the reload's lines go to a file logrotate moved away
            // no more
            try (adminSocket; ServiceAccess.Registration logFile = context.services().onProcessSignal(signal -> {
                if (signal == ProcessSignal.HANGUP) {
                    reopenLogFile();
                }
                return false;
            }); ServiceAccess.Registration hangup = context.services().onProcessSignal(reloader)) {
                lifecycle.run();
            }
            return 0;
        } finally {
            if (!handedOver) {
                project.close();
            }
        }
    }

    /**
     * What would stop the server after its long start-up (the runtime, validation) is checked before it: a port
     * another process listens on, an admin socket that cannot open.
     */
    private static void checkEarly(McpServerService mcp, ServeSettings settings, AdminSettings admin)
            throws CommandFailure {
        try {
            if (settings.transport() != Transport.STDIO) {
                mcp.checkPort(settings.http());
            }
            if (admin.enabled()) {
                AdminSocket.check(admin.socket());
            }
        } catch (IOException e) {
            throw CommandFailure.command(e.getMessage());
        }
    }

    /** The admin socket when the environment enables it, else null; a socket that cannot open aborts serve. */
    private AdminSocket startAdmin(AdminSettings admin, Instant started, ServeSettings settings, ServedProject served,
            ProjectReloader reloader, ServerLifecycle lifecycle) throws CommandFailure {
        if (!admin.enabled()) {
            return null;
        }
        try {
            return AdminSocket.start(new AdminContext(context.kernel().version(),
                    context.kernel().build().orElse(null), started, debug(), admin.socket(),
                    settings.transport().cliName(), sqlToolsEnabled(served), reloader::served, reloader::status,
                    lifecycle::stopping, reloader::request, context.services()::installedBundles,
                    context.kernel().deployDirectory()));
        } catch (IOException e) {
            throw CommandFailure.command(e.getMessage());
        }
    }

    private void reportStartupFailure(List<ValidationResult> failed) {
        String summary = "Found " + failed.size() + " endpoint(s) with errors";
        if (jsonOutput) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("status", "error");
            document.put("message", summary);
            document.put("failed_endpoints", failed.stream().map(result -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", result.relativePath());
                entry.put("error", result.message());
                return entry;
            }).toList());
            terminal.out().println(Json.pretty(document));
        } else {
            StringBuilder text = new StringBuilder();
            text.append('\n').append(terminal.failure("❌ Server startup failed!")).append('\n');
            text.append(summary).append("\n\n");
            text.append("Failed endpoints:\n");
            for (ValidationResult result : failed) {
                text.append("  ").append(terminal.failure("✗ ")).append(result.relativePath()).append('\n');
                text.append(ErrorText.indented("    ", result.message(), terminal));
            }
            text.append("\n💡 Tip: Fix validation errors or use --ignore-errors to start anyway\n");
            terminal.err().print(text);
        }
        terminal.err().println("Aborted!");
    }

    /** @param admin the admin socket, or null */
    String banner(ServedProject served, ServeSettings settings, RunningServer running, List<ValidationResult> skipped,
            AdminSocket admin) {
        StringBuilder text = new StringBuilder();
        if (settings.transport() == Transport.STDIO) {
            text.append("MXCP serving project ").append(served.name()).append(" (profile ").append(served.profile())
                    .append(") over stdio");
            if (!skipped.isEmpty()) {
                text.append("; skipped ").append(skipped.size()).append(" invalid endpoint(s)");
            }
            return text.append('\n').toString();
        }
        text.append('\n').append(terminal.heading("🚀 MXCP Server Starting")).append('\n');
        text.append("  Project: ").append(served.name()).append('\n');
        text.append("  Profile: ").append(served.profile()).append('\n');
        text.append("  Transport: ").append(settings.transport().cliName()).append('\n');
        text.append("  Host: ").append(settings.host()).append('\n');
        text.append("  Port: ").append(running.port()).append('\n');
        text.append("  Mode: ").append(served.readOnly() ? "Read-only" : "Read-write").append('\n');
        if (settings.stateless()) {
            text.append("  HTTP Mode: Stateless\n");
        }
        text.append("  SQL Tools: ").append(sqlToolsEnabled(served) ? "Enabled" : "Disabled").append('\n');
        String auth = authSummary(served);
        if (auth != null) {
            text.append("  Auth: ").append(auth).append('\n');
        }
        if (admin != null) {
            text.append("  Admin socket: ").append(admin.path()).append('\n');
        }
        // endpoint files only: the built-in SQL tools (no file) are announced by the SQL Tools line
        List<DiscoveredEndpoint> endpoints = served.endpoints().stream()
                .filter(endpoint -> endpoint.fromFile() && endpoint.loaded()).toList();
        appendCount(text, "Tools", endpoints, EndpointKind.TOOL);
        appendCount(text, "Resources", endpoints, EndpointKind.RESOURCE);
        appendCount(text, "Prompts", endpoints, EndpointKind.PROMPT);
        if (endpoints.isEmpty()) {
            text.append(terminal.warning("⚠️  No endpoints found!")).append('\n');
        }
        if (auth == null && settings.http().allowedHosts().isEmpty() && !settings.http().loopbackBind()) {
            text.append(terminal.warning("⚠️  Reachable beyond this machine without authentication or "
                    + "transport.http.allowed_hosts: a web page can reach this server through DNS rebinding")).append('\n');
        }
        if (context.kernel().ignoredSignals().contains(ProcessSignal.HANGUP)) {
            text.append(terminal.warning("⚠️  SIGHUP is ignored by this process (started with nohup?): kill -HUP "
                    + "cannot reload it; the admin socket's POST /reload can (MXCP_ADMIN_ENABLED=true)")).append('\n');
        }
        // POSIX: a shell script's background job starts with SIGINT ignored, and the JVM keeps it so
        boolean interruptIgnored = context.kernel().ignoredSignals().contains(ProcessSignal.INTERRUPT);
        if (served.auditTrail().enabled()) {
            served.auditTrail().backends().stream().filter(backend -> backend.state().equals("missing"))
                    .forEach(backend -> text.append(terminal.warning("⚠️  Audit backend '" + backend.backend()
                            + "' is not installed: its records wait until a bundle provides it (audit.backends)"))
                            .append('\n'));
        }
        if (!skipped.isEmpty()) {
            text.append(terminal.warning("⚠️  Skipped endpoints: " + skipped.size())).append('\n');
            skipped.forEach(result -> text.append("  ").append(terminal.failure("✗ ")).append(result.relativePath())
                    .append('\n'));
        }
        text.append('\n').append(terminal.success("✅ Server ready!")).append('\n');
        text.append("Listening on ").append(terminal.emphasis(url(settings.host(), running.port()))).append('\n');
        text.append(interruptIgnored ? "Stop with kill " + ProcessHandle.current().pid()
                + " (SIGTERM; SIGINT and Ctrl+C are ignored, as in a script's background job)\n"
                : "Press Ctrl+C to stop\n");
        return text.toString();
    }

    /** {@code <provider> (<mode> mode)} when the profile configures authentication, else null. */
    private static String authSummary(ServedProject served) {
        if (!(ProfileSettings.value(served, "auth") instanceof Map<?, ?> block) || block.get("provider") == null
                || "none".equals(block.get("provider"))) {
            return null;
        }
        return block.get("provider") + " (" + (block.get("mode") == null ? "issuer" : block.get("mode")) + " mode)";
    }

    /** {@code --sql-tools} when given, else the site's {@code sql_tools.enabled}. */
    private boolean sqlToolsEnabled(ServedProject served) {
        if (sqlTools != null) {
            return sqlTools;
        }
        return served.siteConfig().get("sql_tools") instanceof Map<?, ?> block
                && Boolean.TRUE.equals(block.get("enabled"));
    }

    private static void appendCount(StringBuilder text, String label, List<DiscoveredEndpoint> endpoints,
            EndpointKind kind) {
        long count = endpoints.stream().filter(endpoint -> endpoint.kind() == kind).count();
        if (count > 0) {
            text.append("  ").append(label).append(": ").append(count).append('\n');
        }
    }

    static String url(String host, int port) {
        String shownHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + shownHost + ":" + port + "/mcp";
    }
}
