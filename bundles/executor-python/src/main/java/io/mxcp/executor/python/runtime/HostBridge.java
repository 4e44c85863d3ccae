package io.mxcp.executor.python.runtime;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import io.mxcp.sdk.exec.CallNotifications;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.ExecutionContext;
import io.mxcp.sdk.exec.ReloadPayload;
import io.mxcp.sdk.exec.ServerReload;

/**
 * The Java object Python code reaches as {@code _mxcp_bridge.host}: {@code db_execute(sql, params_json)},
 * {@code log(level, message)} (the server log), {@code notify_log(level, message)} /
 * {@code notify_progress(progress, total, message)} (the current call's caller, spec 01 §5.7 {@code mcp.*}), and
 * {@code client_supports(capability)} / {@code ask_client(requests_json)} / {@code ask_client_unnamed(request_json)}
 * (input from the call's MCP client, {@link ClientAsks}), and {@code request_reload(payload_func, description)}
 * ({@code reload_duckdb}: queues a reload of the server running the call). Proxies rather than host objects, so the
 * context needs no host class lookup through a bundle class loader.
 */
public final class HostBridge implements ProxyObject {

    /** Runs SQL for {@code db.execute}: returns the rows as JSON, or throws with the message Python raises. */
    public interface Database {
        String execute(String sql, String paramsJson) throws Exception;
    }

    private static final Logger PYTHON_RECORDS = Logger.getLogger("io.mxcp.executor.python");
    private static final String HOST_ERROR = ClientAsks.HOST_ERROR;
    static final String NO_CONTEXT = "No execution context available - function not called from MXCP executor";
    static final String NO_SERVER = "Server reference not available in context. "
            + "This function can only be called from within MXCP server endpoints.";

    private final Map<String, ProxyExecutable> members;
    private final ClientAsks asks;
    private final Supplier<ExecutionContext> caller;
    private final Function<Value, ReloadPayload> payloads;

    /**
     * @param caller   the call the current thread runs, or null outside a call (hooks)
     * @param payloads a {@code reload_duckdb} payload calling a Python function
     */
    public HostBridge(Database database, Supplier<ExecutionContext> caller, Function<Value, ReloadPayload> payloads,
            ValueCodec codec) {
        this.asks = new ClientAsks(caller, codec);
        this.caller = caller;
        this.payloads = payloads;
        Supplier<CallNotifications> notifications = () -> {
            ExecutionContext context = caller.get();
            return context == null ? CallNotifications.none() : context.notifications();
        };
        this.members = Map.of(
                "db_execute", args -> {
                    try {
                        return database.execute(args[0].asString(), args[1].asString());
                    } catch (Exception e) {
                        return HOST_ERROR + (e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                },
                "log", args -> {
                    log(args[0].asString(), args[1].asString(), args[2].asString());
                    return null;
                },
                "notify_log", args -> {
                    notifications.get().log(args[0].asString(), "mxcp.runtime", args[1].asString());
                    return null;
                },
                "notify_progress", args -> {
                    notifications.get().progress(args[0].asDouble(), args[1].isNull() ? null : args[1].asDouble(),
                            args[2].isNull() ? null : args[2].asString());
                    return null;
                },
                "client_supports", args -> asks.supports(args[0].asString()),
                "ask_client", args -> asks.askAll(args[0].asString()),
                "ask_client_unnamed", args -> asks.askUnnamed(args[0].asString()),
                "request_reload", args -> requestReload(args[0], args[1].asString()));
    }

    /** Queues a reload of the server running the current call; answers "" or a marked failure. */
    private String requestReload(Value function, String description) {
        ExecutionContext context = caller.get();
        if (context == null) {
            return HOST_ERROR + NO_CONTEXT;
        }
        Optional<ServerReload> server = context.serverReload();
        if (server.isEmpty()) {
            return HOST_ERROR + NO_SERVER;
        }
        ReloadPayload payload;
        try {
            payload = function.isNull() ? null : payloads.apply(function);
        } catch (RuntimeException e) {
            return HOST_ERROR + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
        server.get().request(description, payload);
        return "";
    }

    /** The failure an ask of the current thread's call kept for the server, once; null when none. */
    EndpointExecutionException takeStop() {
        return asks.takeStop();
    }

    /**
     * The lowest level of Python's logging that the server's log shows now ({@code logging.DEBUG} 10 to
     * {@code logging.ERROR} 40): Python does not format the records below it.
     */
    static int pythonLogThreshold() {
        if (PYTHON_RECORDS.isLoggable(Level.FINE)) {
            return 10;
        }
        if (PYTHON_RECORDS.isLoggable(Level.INFO)) {
            return 20;
        }
        return PYTHON_RECORDS.isLoggable(Level.WARNING) ? 30 : 40;
    }

    /**
     * A record of Python's logging: through the executor's logger, so one level governs them all (the threshold
     * above), under the Python logger's name, as the original's log lines name it ({@code mylib.sub}).
     */
    private static void log(String level, String pythonLogger, String message) {
        Level logLevel = switch (level) {
            case "debug" -> Level.FINE;
            case "warning" -> Level.WARNING;
            case "error" -> Level.SEVERE;
            default -> Level.INFO;
        };
        if (PYTHON_RECORDS.isLoggable(logLevel)) {
            LogRecord record = new LogRecord(logLevel, message);
            record.setLoggerName(pythonLogger);
            PYTHON_RECORDS.log(record);
        }
    }

    @Override
    public Object getMember(String key) {
        return members.get(key);
    }

    @Override
    public Object getMemberKeys() {
        return members.keySet().toArray(new String[0]);
    }

    @Override
    public boolean hasMember(String key) {
        return members.containsKey(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("the MXCP host bridge is read-only");
    }
}
