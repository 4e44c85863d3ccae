package io.mxcp.executor.python.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import io.mxcp.executor.python.project.PythonProject;
import io.mxcp.kernel.polyglot.GuestThreadInterrupt;
import io.mxcp.kernel.polyglot.PolyglotHost;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.InputRequiredException;
import io.mxcp.sdk.exec.ReloadPayload;

/**
 * A project's Python interpreter: a GraalPy context on the kernel's shared engine with the {@code mxcp} package
 * installed and the project's folders on {@code sys.path}. It serves one runtime generation at a time, from
 * {@link #begin} to {@link #end}, and may serve the next one of the same project: like the original's Python
 * process, it keeps its imported modules (and their hook registrations and module state) from one generation to the
 * next, so a reload imports nothing again (spec 01 §5.3, §5.8).
 *
 * <p>Threading: the context is entered by whichever thread calls (a server worker, the CLI thread, a DuckDB worker
 * running a plugin UDF). GraalPy lets several threads enter one context and serializes Python code with its global
 * interpreter lock, which it releases while a thread waits in Java (a {@code db.execute} call), so calls run
 * concurrently but Python bytecode runs one thread at a time. A call is cancelled by interrupting its thread alone
 * ({@link #interruptForCurrentThread}): the other threads' calls go on.
 *
 * <p>Closing: the context is closed at once unless a {@code reload_duckdb} payload of this context is still to
 * run (it runs between two generations); then it is closed when the last such payload is released.
 */
public final class PythonRuntime implements AutoCloseable {

    /** The Python exception {@code mcp.*} raises when the client lacks a capability (mxcp.runtime). */
    private static final String CAPABILITY_ERROR = "ClientCapabilityError";

    private final Context context;
    private final Path pythonDir;
    private final ValueCodec codec;
    private final Value bridge;
    private final Value errorReport;
    private final Value invoke;
    private final Value runInline;
    private final Value callUdf;
    /** The current generation's bridge; null between generations. */
    private volatile HostBridge host;
    private final Value cancelAsyncCall;
    private final Value runPayload;
    /** The changed modules named already (this runtime lives for the server process, across reloads). */
    private final Set<String> changesNamed = ConcurrentHashMap.newKeySet();
    /** Reload payloads defined here and not released yet; guarded by this. */
    private int heldByPayloads;
    /** Whether {@link #close()} was called; guarded by this. */
    private boolean closing;

    private PythonRuntime(Context context, PythonProject project, ValueCodec codec) {
        this.context = context;
        this.pythonDir = project.pythonDir();
        this.codec = codec;
        this.bridge = context.eval("python", "import _mxcp_bridge\n_mxcp_bridge");
        this.errorReport = bridge.getMember("error_report");
        this.invoke = bridge.getMember("invoke");
        this.runInline = bridge.getMember("run_inline");
        this.callUdf = bridge.getMember("call_udf");
        this.cancelAsyncCall = bridge.getMember("cancel_async_call");
        this.runPayload = bridge.getMember("run_payload");
    }

    /**
     * Creates the context and installs the bridge; the project's own modules are not imported yet, and no generation
     * has begun.
     */
    public static PythonRuntime start(Engine engine, PythonProject project, ValueCodec codec) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Truffle looks up its services and languages through the context class loader: give it the kernel's,
        // which loaded the polyglot jars, never this bundle's
        thread.setContextClassLoader(Engine.class.getClassLoader());
        Context context = null;
        try {
            context = Context.newBuilder("python").engine(engine).allowAllAccess(true).build();
            context.eval("python", BridgeSources.INSTALLER).execute(codec.encode(BridgeSources.sources()));
            return new PythonRuntime(context, project, codec);
        } catch (RuntimeException e) {
            if (context != null) {
                context.close(true);
            }
            throw MissingPythonHome.explain(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Begins a generation: its configuration (user and site config, which a reload may have changed) and its bridge
     * to the Java side. The project's folders must be this interpreter's.
     */
    public void begin(PythonProject project, HostBridge generationHost) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("user_config", project.userConfig());
        config.put("site_config", project.siteConfig());
        config.put("profile", project.profile());
        config.put("log_level", HostBridge.pythonLogThreshold());
        bridge.invokeMember("configure", generationHost, codec.encode(config),
                project.root().toString(), project.pythonDir().toString(), project.pluginDir().toString());
        host = generationHost;
    }

    /**
     * Imports every module under python/ that is not imported yet (spec 01 §5.3); returns the failures, each named
     * by its file.
     */
    public List<NamedFailure> preload() {
        return namedFailures(bridge.invokeMember("preload", pythonDir.toString()));
    }

    /** Runs the registered {@code on_init} (or {@code on_shutdown}) hooks; returns their failures. */
    public List<NamedFailure> runHooks(boolean init) {
        Value hooks = bridge.getMember(init ? "init_hooks" : "shutdown_hooks");
        return namedFailures(bridge.invokeMember("run_hooks", hooks));
    }

    /** The module of a file, imported on first use. */
    public Value module(Path file) throws PythonException {
        try {
            return bridge.invokeMember("load_module", file.toString(), pythonDir.toString());
        } catch (PolyglotException e) {
            throw failure(e);
        }
    }

    /**
     * Whether a module's file changed after the module was imported: the interpreter runs the code as imported until
     * the server restarts (spec 01 §5.3).
     */
    public boolean changedSinceImport(Path file) {
        return bridge.invokeMember("changed_since_import", file.toString()).asBoolean();
    }

    /**
     * The files of the imported modules that changed after their import and were not named before, project-relative:
     * each reload until the restart would name them again (a daily reload's warning, every day).
     */
    public List<String> changedModules() {
        Value files = bridge.invokeMember("changed_modules");
        List<String> changed = new ArrayList<>();
        for (long i = 0; i < files.getArraySize(); i++) {
            String file = files.getArrayElement(i).asString();
            if (changesNamed.add(file)) {
                changed.add(file);
            }
        }
        return changed;
    }

    /** The endpoint's callable in a module (spec 01 §5.2), or null. */
    public Value function(Value module, String kind, String name, Path file) {
        Value function = bridge.invokeMember("find_function", module, kind, name, file.toString());
        return function.isNull() ? null : function;
    }

    /** Calls a function by keyword with a call's context ({@code callJson}); returns the converted result. */
    public Object call(Value function, Map<String, Object> arguments, String callJson) throws PythonException {
        return endpointCall(() -> invoke.execute(function, codec.encode(arguments), callJson).asString());
    }

    /** Runs inline code (spec 01 §5.5). */
    public Object runInline(String code, Map<String, Object> arguments, String callJson) throws PythonException {
        return endpointCall(() -> runInline.execute(code, codec.encode(arguments), callJson).asString());
    }

    /**
     * Runs an endpoint's Python code. When it asked the MCP client for input and must stop for it
     * ({@link InputRequiredException}), or failed because the client lacks a capability, the Java exception is the
     * cause of the failure, so the server sees it whatever the Python code did with the exception it got.
     */
    private Object endpointCall(Supplier<String> run) throws PythonException {
        HostBridge generation = host;
        String result;
        try {
            result = run.get();
        } catch (PolyglotException e) {
            PythonException failure = failure(e);
            EndpointExecutionException stop = generation.takeStop();
            if (stop instanceof InputRequiredException
                    || stop != null && CAPABILITY_ERROR.equals(failure.failure().type())) {
                PythonException stopped = new PythonException(failure.failure(), stop);
                stopped.addSuppressed(e);
                throw stopped;
            }
            throw failure;
        }
        if (generation.takeStop() instanceof InputRequiredException asked) {
            throw new PythonException(new PythonFailure(asked.getClass().getSimpleName(), asked.getMessage(), null),
                    asked);
        }
        return codec.decode(result);
    }

    /** Imports and instantiates the plugins; returns their UDFs, each {@code {plugin, method, name, parameters, returns}}. */
    public List<Map<String, Object>> loadPlugins(List<Map<String, Object>> definitions) throws PythonException {
        try {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> functions = (List<Map<String, Object>>) codec.decode(
                    bridge.invokeMember("load_plugins", codec.encode(definitions)).asString());
            return functions;
        } catch (PolyglotException e) {
            throw failure(e);
        }
    }

    /**
     * Calls a plugin's UDF method with SQL arguments.
     *
     * @param callJson the call the statement runs for ({@link CallDescription}), null for none
     */
    public Object callUdf(String plugin, String method, Object[] arguments, String callJson) throws PythonException {
        try {
            return codec.decode(callUdf.execute(plugin, method, codec.encode(arguments), callJson).asString());
        } catch (PolyglotException e) {
            throw failure(e);
        }
    }

    /**
     * A {@code reload_duckdb} payload calling {@code function} (a zero-argument Python callable of this context).
     * The payload runs after this generation ended, in this interpreter; the context stays open until the payload is
     * released, even when the interpreter is closed meanwhile.
     */
    public synchronized ReloadPayload payload(Value function) {
        if (closing) {
            throw new IllegalStateException("The Python runtime is shutting down");
        }
        heldByPayloads++;
        return new ReloadPayloadCall(this, function);
    }

    void runPayload(Value function) throws PythonException {
        try {
            runPayload.execute(function);
        } catch (PolyglotException e) {
            throw failure(e);
        }
    }

    void releasePayload() {
        synchronized (this) {
            heldByPayloads--;
            if (!closing || heldByPayloads > 0) {
                return;
            }
        }
        context.close(true);
    }

    public String encode(Object value) {
        return codec.encode(value);
    }

    /**
     * Cancels the asyncio task of the async call {@code callId} (the {@code id} of its call description) from
     * another thread; false when that call runs no task (a sync call, or one that has not started its task).
     */
    public boolean cancelAsyncCall(long callId) {
        return cancelAsyncCall.execute(callId).asBoolean();
    }

    /** What stops the calling thread's Python code in this runtime, later and from another thread. */
    public GuestThreadInterrupt interruptForCurrentThread(PolyglotHost host) {
        context.enter();
        try {
            return host.interruptForCurrentThread();
        } finally {
            context.leave();
        }
    }

    /**
     * Ends the generation (spec 01 §5.8): runs the shutdown hooks and the plugins' {@code shutdown()}, drops the
     * module cache (the modules stay imported) and lets the generation's bridge go; returns the failures. The
     * interpreter may then begin another generation, or be closed.
     */
    public List<NamedFailure> end() {
        List<NamedFailure> failures = new ArrayList<>();
        try {
            failures.addAll(runHooks(false));
            failures.addAll(namedFailures(bridge.invokeMember("shutdown_plugins")));
            bridge.invokeMember("end_generation");
        } catch (PolyglotException e) {
            failures.add(new NamedFailure("Python runtime", failure(e)));
        }
        host = null;
        return failures;
    }

    /** Closes the context, or marks it to be closed when the last pending reload payload is released. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            if (heldByPayloads > 0) {
                return;
            }
        }
        context.close(true);
    }

    /**
     * The failure, caused by its Python traceback when it has frames or a cause (what {@code --debug} prints), else
     * by the error.
     */
    private PythonException failure(PolyglotException error) {
        return exception(PythonFailure.of(error, errorReport), error);
    }

    private static PythonException exception(PythonFailure failure, Throwable error) {
        boolean python = !failure.traceback().isEmpty() || failure.cause() != null || !failure.group().isEmpty();
        return new PythonException(failure, python ? new PythonTraceback(failure) : error);
    }

    /** The bridge's [[name, error report], ...]. */
    private static List<NamedFailure> namedFailures(Value list) {
        List<NamedFailure> failures = new ArrayList<>();
        for (long i = 0; i < list.getArraySize(); i++) {
            Value failure = list.getArrayElement(i);
            failures.add(new NamedFailure(failure.getArrayElement(0).asString(),
                    exception(PythonFailure.reported(failure.getArrayElement(1)), null)));
        }
        return failures;
    }
}
