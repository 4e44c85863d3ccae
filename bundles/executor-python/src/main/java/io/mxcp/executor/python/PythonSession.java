package io.mxcp.executor.python;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import io.mxcp.executor.python.plugin.PluginFunctions;
import io.mxcp.executor.python.project.PythonProject;
import io.mxcp.executor.python.runtime.CallDescription;
import io.mxcp.executor.python.runtime.HostBridge;
import io.mxcp.executor.python.runtime.NamedFailure;
import io.mxcp.executor.python.runtime.PythonException;
import io.mxcp.executor.python.runtime.PythonFailure;
import io.mxcp.executor.python.runtime.PythonRuntime;
import io.mxcp.executor.python.runtime.ValueCodec;
import io.mxcp.kernel.api.DuckDbHost;
import io.mxcp.kernel.polyglot.PolyglotHost;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointExecutor;
import io.mxcp.sdk.exec.EndpointSource;
import io.mxcp.sdk.exec.ExecutionContext;
import io.mxcp.sdk.exec.ExecutorSession;
import io.mxcp.sdk.exec.ProjectRuntime;
import io.mxcp.sdk.exec.ReloadPayload;

/**
 * Python endpoints of one project generation. The generation's runtime starts when it opens if the project has
 * plugins (their SQL functions must exist before any SQL runs), modules under python/ naming lifecycle hooks (their
 * {@code on_init} belongs to the generation, spec 01 §5.8) or, in a server, any module under python/ (imported at the
 * start, so that the first call does not wait for the interpreter); else on the first Python call, so that a one-shot
 * command running no Python code ({@code mxcp query}) does not pay seconds for it. It runs in the interpreter the
 * project's previous generation left ({@link Interpreters}), else in a new one; a generation that fails to start
 * closes its interpreter, so the next one starts afresh.
 */
final class PythonSession implements ExecutorSession {

    private static final System.Logger LOG = System.getLogger(PythonSession.class.getName());
    private static final String FAILED = "Failed to execute Python code: ";
    /** The bridge's exception for a result that cannot cross to Java (_mxcp_bridge.py). */
    private static final String UNSUPPORTED_RESULT = "UnsupportedResult";

    private final PythonProject python;
    private final DuckDbHost duckDb;
    private final PolyglotHost polyglot;
    private final Interpreters interpreters;
    private final ProjectDatabase database;
    private final ValueCodec codec = new ValueCodec();
    private final AtomicLong callIds = new AtomicLong();
    private final boolean served;
    /** Written under this session's lock, read without it by {@link #reloadPayload} (a call thread holding the GIL). */
    private volatile PythonRuntime runtime;
    private PluginFunctions pluginFunctions;
    private boolean closed;

    PythonSession(ProjectRuntime project, PythonProject python, DuckDbHost duckDb, PolyglotHost polyglot,
            Interpreters interpreters, Supplier<EndpointExecutor> sqlExecutor) {
        this.python = python;
        this.served = project.served();
        this.duckDb = duckDb;
        this.polyglot = polyglot;
        this.interpreters = interpreters;
        this.database = new ProjectDatabase(project, sqlExecutor, codec);
    }

    /** Starts the interpreter now when the generation needs it before its first Python call (see above). */
    void startIfNeeded() throws EndpointExecutionException {
        if (python.hasPlugins() || (served ? python.hasPythonModules() : python.mentionsLifecycleHooks())) {
            runtime();
        }
    }

    private synchronized PythonRuntime runtime() throws EndpointExecutionException {
        if (closed) {
            throw new EndpointExecutionException("The Python runtime is shutting down");
        }
        if (runtime != null) {
            return runtime;
        }
        PythonRuntime started = interpreters.take(python);
        try {
            if (started == null) {
                started = PythonRuntime.start(polyglot.engine(), python, codec);
            }
            started.begin(python, new HostBridge(database::execute, database::caller, this::reloadPayload, codec));
        } catch (PolyglotException | IllegalStateException e) {
            if (started != null) {
                started.close();
            }
            throw new EndpointExecutionException("Failed to create RuntimeEnvironment: " + e.getMessage(), e);
        }
        try {
            pluginFunctions = PluginFunctions.register(duckDb, started, started.loadPlugins(python.plugins()));
        } catch (PythonException e) {
            started.close();
            throw new EndpointExecutionException("Failed to create RuntimeEnvironment: " + e.failure().text(), e);
        } catch (SQLException e) {
            started.close();
            throw new EndpointExecutionException("Failed to create RuntimeEnvironment: " + e.getMessage(), e);
        }
        started.preload().forEach(failure -> log(Level.WARNING, "Python module not preloaded: ", failure));
        started.runHooks(true).forEach(failure -> log(Level.ERROR, "on_init hook failed: ", failure));
        started.changedModules().forEach(file -> LOG.log(Level.WARNING, changed(file)));
        runtime = started;
        return runtime;
    }

    /** A failure of Python code run outside any call; under {@code --debug} with its Python frames. */
    private static void log(Level level, String what, NamedFailure failure) {
        LOG.log(level, what + failure, LOG.isLoggable(Level.DEBUG) ? failure.error().getCause() : null);
    }

    /** A {@code reload_duckdb} payload of the running interpreter (a call is running, so it has started). */
    private ReloadPayload reloadPayload(Value function) {
        PythonRuntime running = runtime;
        if (running == null) {
            throw new IllegalStateException("The Python runtime is shutting down");
        }
        return running.payload(function);
    }

    @Override
    public Object execute(EndpointSource source, Map<String, Object> arguments, ExecutionContext context)
            throws EndpointExecutionException {
        PythonRuntime python = runtime();
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        long callId = callIds.incrementAndGet();
        String call = python.encode(CallDescription.of(callId, context));
        ExecutionContext previous = database.enter(context);
        try (CallStop stop = CallStop.watch(context == null ? null : context.cancellation(),
                () -> python.interruptForCurrentThread(polyglot), () -> python.cancelAsyncCall(callId))) {
            try {
                return source.file() == null ? inline(python, source, args, call) : file(python, source, args, call);
            } catch (EndpointExecutionException e) {
                throw stop.cancelled() ? new EndpointExecutionException(FAILED + CallStop.CANCELLED, e) : e;
            }
        } finally {
            database.leave(previous);
        }
    }

    private static Object inline(PythonRuntime python, EndpointSource source, Map<String, Object> args, String call)
            throws EndpointExecutionException {
        try {
            return python.runInline(source.code(), args, call);
        } catch (PythonException e) {
            throw failed("Inline code", e);
        }
    }

    private Object file(PythonRuntime python, EndpointSource source, Map<String, Object> args, String call)
            throws EndpointExecutionException {
        Path file = source.file().toAbsolutePath().normalize();
        String shown = relative(file);
        Value module;
        try {
            module = python.module(file);
        } catch (PythonException e) {
            throw new EndpointExecutionException(
                    FAILED + "Failed to load Python module from " + shown + ": " + e.getMessage(), e);
        }
        Value function = python.function(module, source.kind(), source.name(), file);
        if (function == null) {
            String stale = python.changedSinceImport(file) ? " (" + changed(shown) + ")" : "";
            throw new EndpointExecutionException(("tool".equals(source.kind())
                    ? "Function '" + source.name() + "' not found in " + shown
                    : "No callable function found in " + shown) + stale);
        }
        try {
            return python.call(function, args, call);
        } catch (PythonException e) {
            throw failed("Function " + named(function, shown), e);
        }
    }

    /** The failure of an endpoint's code, or of its result ({@code Function 'f' in python/f.py returned ...}). */
    private static EndpointExecutionException failed(String endpoint, PythonException e) {
        PythonFailure failure = e.failure();
        return new EndpointExecutionException(
                UNSUPPORTED_RESULT.equals(failure.type()) ? endpoint + " " + failure.message() : e.getMessage(), e);
    }

    /** Why an edited module still runs its old code (spec 01 §5.3), and what to do. */
    private static String changed(String shownFile) {
        return shownFile + " changed after the server imported it; Python modules are imported once per server "
                + "process, as in the original: restart the server to load the change";
    }

    /** {@code 'add' in python/calc.py} */
    private static String named(Value function, String shownFile) {
        return "'" + function.getMember("__name__").asString() + "' in " + shownFile;
    }

    /** The function of a file endpoint ({@code function 'add' in python/calc.py}); inline code has none. */
    @Override
    public Optional<String> resultOrigin(EndpointSource source) {
        if (source.file() == null) {
            return Optional.empty();
        }
        Path file = source.file().toAbsolutePath().normalize();
        String shown = relative(file);
        try {
            PythonRuntime python = runtime();
            Value function = python.function(python.module(file), source.kind(), source.name(), file);
            return Optional.of(function == null ? shown : "function " + named(function, shown));
        } catch (EndpointExecutionException | PythonException | PolyglotException e) {
            return Optional.of(shown);
        }
    }

    /** The file relative to the project root (spec 01 §5.2), absolute when outside it. */
    private String relative(Path file) {
        Path root = python.root();
        return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
    }

    /** Python endpoints are checked by the core (spec 01 §2.11: the file must exist; the function is not checked). */
    @Override
    public Optional<String> validate(EndpointSource source, Set<String> declaredParameters) {
        return Optional.empty();
    }

    /**
     * Shutdown order of spec 01 §5.8: hooks and plugins' {@code shutdown()}, the plugins' SQL functions, the
     * database; then the interpreter is handed back for the project's next generation.
     */
    @Override
    public synchronized void close() {
        closed = true;
        PythonRuntime ended = runtime;
        if (ended != null) {
            long start = System.nanoTime();
            ended.end().forEach(failure -> log(Level.ERROR, "Python shutdown failed: ", failure));
            runtime = null;
            LOG.log(Level.DEBUG, () -> "Python runtime shut down in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        if (pluginFunctions != null) {
            pluginFunctions.close();
            pluginFunctions = null;
        }
        database.close();
        if (ended != null) {
            interpreters.giveBack(python, ended);
        }
    }
}
