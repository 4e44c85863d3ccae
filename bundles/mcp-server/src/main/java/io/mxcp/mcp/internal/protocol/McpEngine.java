package io.mxcp.mcp.internal.protocol;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.api.Project;
import io.mxcp.mcp.api.ProjectSwap;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;
import io.mxcp.mcp.internal.jsonrpc.RpcResult;
import io.mxcp.mcp.internal.mapping.ToolResults;
import io.mxcp.sdk.exec.CancellationSignal;

/**
 * The protocol layer between the transports and the project: routes a classified request to its method for
 * its era. The project's methods (catalogs, serialized lists) are built when the server starts and again on
 * each reload, which swaps them whole while endpoint calls are held back.
 */
public final class McpEngine {
    private static final System.Logger LOG = System.getLogger(McpEngine.class.getName());
    /** Methods that run an endpoint; transports run them off their reading thread. */
    private static final Set<String> ENDPOINT_METHODS = Set.of("tools/call", "resources/read", "prompts/get");
    /** How long a reload waits for running calls before it goes on (spec 03 §5). */
    private static final long DRAIN_SECONDS = 90;
    /** How long a call arriving during a reload waits before it fails (spec 03 §5). */
    private static final long CALL_WAIT_SECONDS = 30;

    private final ServerInfo info;
    private final Results results;
    private final InputRounds inputs;
    private final ObjectMapper mapper;
    private final ToolResults toolResults;
    private final Map<String, MethodHandler> fixedLegacy = new HashMap<>();
    private final Map<String, MethodHandler> fixedModern = new HashMap<>();
    private final ReloadGate gate;
    private final StopDrain stopDrain = new StopDrain();
    private final List<ReloadListener> listeners = new CopyOnWriteArrayList<>();
    private final Object reloading = new Object();
    private volatile ProjectMethods methods;

    public McpEngine(Project project, ServerInfo info, ObjectMapper mapper) {
        this(project, info, mapper, CALL_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** @param callWait how long a call arriving during a reload waits before it fails */
    McpEngine(Project project, ServerInfo info, ObjectMapper mapper, long callWait, TimeUnit unit) {
        this.info = info;
        this.mapper = mapper;
        this.results = new Results(mapper, info);
        this.toolResults = new ToolResults(mapper);
        this.gate = new ReloadGate(callWait, unit);
        fixedLegacy.put("initialize", new Initialize(results, mapper)::handle);
        fixedLegacy.put("ping", (params, context) -> RpcResult.of(mapper.createObjectNode()));
        fixedLegacy.put("logging/setLevel", (params, context) -> setLevel(params, context, mapper));
        fixedModern.put("server/discover", cached(results.cacheable(discover(mapper), true, false), results));
        this.inputs = new InputRounds(new RequestStates(mapper, Clock.systemUTC()), results, mapper);
        this.methods = build(project);
    }

    private ProjectMethods build(Project project) {
        return new ProjectMethods(project, fixedLegacy, fixedModern, results, inputs, stopDrain, mapper);
    }

    public ServerInfo info() {
        return info;
    }

    /** How the transports drain the calls when the server stops. */
    public StopDrain stopDrain() {
        return stopDrain;
    }

    /** The project served now (a reload replaces it). */
    public Project project() {
        return methods.project();
    }

    /**
     * Handles a request; notifications are the transports' business. Endpoint calls wait while a reload runs. Logged
     * at DEBUG ({@link RequestLog}).
     */
    public RpcResult handle(JsonRpcMessage request, RequestContext context) throws JsonRpcException {
        long started = RequestLog.start();
        try {
            RpcResult result = handleNow(request, context);
            RequestLog.answered(request, started, result, context.cancellation());
            return result;
        } catch (JsonRpcException e) {
            RequestLog.refused(request, started, e);
            throw e;
        }
    }

    private RpcResult handleNow(JsonRpcMessage request, RequestContext context) throws JsonRpcException {
        if (!runsEndpoint(request.method())) {
            return dispatch(methods, request, context);
        }
        CancellationSignal cancellation = context.cancellation() == null ? CancellationSignal.never()
                : context.cancellation();
        if (!gate.enter(cancellation::isCancelled)) {
            if (cancellation.isCancelled()) {
                // cancelled while a reload held it back: it never runs, and its transport sends nothing for it
                throw JsonRpcErrors.internalError("Request cancelled before it ran");
            }
            return stillReloading(request, context);
        }
        try {
            return dispatch(methods, request, context);
        } finally {
            gate.leave();
        }
    }

    private static RpcResult dispatch(ProjectMethods current, JsonRpcMessage request, RequestContext context)
            throws JsonRpcException {
        MethodHandler handler = current.handler(context.modern(), request.method());
        if (handler == null) {
            throw JsonRpcErrors.methodNotFound(request.method(), context.modern());
        }
        if (context.modern()) {
            RequestNotifications.checkEnvelope(request.meta());
        }
        return handler.handle(request.params(), context);
    }

    /** A call that waited too long for a reload: a tool error for tools, an internal error otherwise. */
    private RpcResult stillReloading(JsonRpcMessage request, RequestContext context) throws JsonRpcException {
        if (request.method().equals("tools/call")) {
            return RpcResult.of(results.complete(toolResults.error(ReloadGate.STILL_RELOADING), context.modern()));
        }
        throw JsonRpcErrors.internalError(ReloadGate.STILL_RELOADING);
    }

    /** The endpoint calls running now: those a reload's drain waits for (calls held back by a reload not counted). */
    public int activeCalls() {
        return gate.inside();
    }

    /**
     * Reloads (spec 03 §5): holds new endpoint calls back, waits for the running ones (at most 90 s, then goes on),
     * swaps the project, rebuilds its methods, lets the held calls go, and tells the listeners what changed. One
     * reload at a time; when {@code swap} throws, the current project stays and nobody is told anything.
     */
    public void reload(ProjectSwap swap) throws Exception {
        synchronized (reloading) {
            ProjectMethods next;
            Set<ListKind> changed;
            LOG.log(System.Logger.Level.INFO, "Reloading: new calls wait until the running ones have finished");
            int running = gate.close(DRAIN_SECONDS, TimeUnit.SECONDS);
            try {
                if (running > 0) {
                    LOG.log(System.Logger.Level.WARNING, "Reloading with " + running + " call(s) still running after "
                            + DRAIN_SECONDS + " s");
                }
                ProjectMethods previous = methods;
                next = build(swap.swap(previous.project()));
                changed = next.changedSince(previous);
                methods = next;
            } finally {
                gate.open();
            }
            if (!changed.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "Reload changed the lists of " + changed);
            }
            ReloadNotice notice = new ReloadNotice(changed, next::serves, mapper);
            for (ReloadListener listener : listeners) {
                listener.reloaded(notice);
            }
        }
    }

    /** A transport that tells its clients what reloads change. */
    public void addReloadListener(ReloadListener listener) {
        listeners.add(listener);
    }

    /** Legacy {@code logging/setLevel}: the level holds for the connection or session, when it has state. */
    private static RpcResult setLevel(ObjectNode params, RequestContext context, ObjectMapper mapper)
            throws JsonRpcException {
        LogLevel level = LogLevel.requested(params.get("level"), "level");
        if (context.legacy() != null) {
            context.legacy().logLevel().set(level);
        }
        return RpcResult.of(mapper.createObjectNode());
    }

    /** Whether the request opens a listen stream, which the transport holds open after {@link #acknowledge}. */
    public static boolean opensListenStream(JsonRpcMessage request, Classification classification) {
        return classification.modern() && Subscriptions.LISTEN.equals(request.method());
    }

    /** The first message of a listen stream (spec 04b §4) and what the stream is to carry. */
    public Subscriptions.Acknowledgement acknowledge(JsonRpcMessage listen) throws JsonRpcException {
        return methods.subscriptions().acknowledgement(listen);
    }

    /** The result that ends a listen stream from the server's side. */
    public RpcResult listenClosed(JsonNode listenId) {
        return RpcResult.of(methods.subscriptions().closing(listenId));
    }

    public static boolean runsEndpoint(String method) {
        return ENDPOINT_METHODS.contains(method);
    }

    private static ObjectNode discover(ObjectMapper mapper) {
        ObjectNode discover = mapper.createObjectNode();
        ArrayNode versions = discover.putArray("supportedVersions");
        ProtocolVersions.SUPPORTED.forEach(versions::add);
        discover.set("capabilities", Initialize.capabilities(mapper, true));
        return discover;
    }

    private static MethodHandler cached(ObjectNode result, Results results) {
        String json = results.serialized(result);
        return (params, context) -> RpcResult.ofJson(json);
    }
}
