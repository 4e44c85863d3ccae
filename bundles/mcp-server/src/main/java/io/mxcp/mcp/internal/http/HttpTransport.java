package io.mxcp.mcp.internal.http;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.ProjectSwap;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.auth.BearerGate;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.oauth.AuthorizationServer;
import io.mxcp.mcp.internal.protocol.McpEngine;
import io.mxcp.mcp.internal.protocol.StopDrain;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.handlers.PathHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import org.xnio.Options;

/**
 * Streamable HTTP on Undertow: {@code /mcp} and {@code /health}, and with authentication on the protected resource
 * metadata ({@code /.well-known/oauth-protected-resource[/mcp]}).
 */
public final class HttpTransport implements RunningServer {
    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());
    /** Undertow's default worker count, kept when idle; workers above it end after a minute without work. */
    private static final int BUSY_WORKERS_KEPT = 8 * Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Workers for endpoint calls when {@code max_concurrent_calls} is 0 (no limit): calls beyond them wait. */
    private static final int UNLIMITED_CALL_WORKERS = 256;
    /** A legacy session nobody used for this long, with no stream or call open, is ended. */
    static final Duration SESSION_IDLE_LIMIT = Duration.ofHours(1);

    private final McpEngine engine;
    private final Undertow undertow;
    private final StopRefusal stopRefusal;
    private final GracefulShutdownHandler graceful;
    private final LegacySessions sessions;
    private final ListenStreams listens;
    private final RunningCalls running;
    private final BearerGate gate;
    private final RefusalRecorder refusals;
    private final AuthorizationServer authorizationServer;
    private final int port;
    private final ScheduledExecutorService sessionSweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mxcp-mcp-session-sweeper").daemon().factory());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);

    private HttpTransport(McpEngine engine, Undertow undertow, StopRefusal stopRefusal,
            GracefulShutdownHandler graceful, LegacySessions sessions, ListenStreams listens, RunningCalls running,
            BearerGate gate, RefusalRecorder refusals, AuthorizationServer authorizationServer) {
        this.gate = gate;
        this.refusals = refusals;
        this.authorizationServer = authorizationServer;
        this.engine = engine;
        this.undertow = undertow;
        this.stopRefusal = stopRefusal;
        this.graceful = graceful;
        this.sessions = sessions;
        this.listens = listens;
        this.running = running;
        this.port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        sessionSweeper.scheduleWithFixedDelay(() -> sessions.endIdle(SESSION_IDLE_LIMIT), 1, 1, TimeUnit.MINUTES);
        sessionSweeper.scheduleWithFixedDelay(new ConnectionCapWatch(undertow.getWorker().getMXBean()::getServerMXBeans),
                1, 1, TimeUnit.SECONDS);
    }

    /**
     * Binds and starts listening; returns once the port is open.
     *
     * @param gate    who may call (checks bearer tokens when authentication is on); closed with the server
     * @param baseUrl {@code transport.http.base_url}, or null to name the server as each request reached it
     * @param authorizationServer issuer mode's authorization server, or null; told the port once bound, closed
     *                            with the server
     */
    public static RunningServer start(McpEngine engine, JsonRpcCodec codec, HttpServerOptions options,
            BearerGate gate, String baseUrl, AuthorizationServer authorizationServer) throws IOException {
        String host = host(options);
        LegacySessions sessions = new LegacySessions(codec.mapper());
        ListenStreams listens = new ListenStreams(engine, codec);
        StreamTokens streamTokens = new StreamTokens(gate::check);
        RunningCalls running = new RunningCalls();
        CorsPolicy cors = new CorsPolicy(options.corsOrigins());
        // issuer mode opens its sign-in once the port is known; until then the server is not healthy
        AtomicBoolean ready = new AtomicBoolean(authorizationServer == null);
        // the resource is named as the client reached it (an issuer-mode token accepts each loopback alias)
        ResourceUrls urls = ResourceUrls.configured(baseUrl);
        BearerChallenge challenge = new BearerChallenge(codec.mapper(), urls, gate.requiredScopes());
        RefusalRecorder refusals = new RefusalRecorder(engine::project, options.trustProxy(), System::nanoTime);
        HostOriginGuard guard = new HostOriginGuard(options.loopbackBind(), new AllowedHosts(options.allowedHosts()),
                cors::lists, cors::allows);
        PathHandler paths = new PathHandler()
                .addExactPath(ResourceUrls.MCP_PATH, new McpHttpHandler(codec, sessions, options.stateless(),
                        new PostHandler(engine, codec, sessions, listens, streamTokens, options, running, gate,
                                challenge, refusals), cors,
                        guard, gate, challenge, refusals, streamTokens))
                .addExactPath("/health", health(engine, codec, ready, guard));
        if (gate.enabled()) {
            ResourceMetadataHandler metadata = new ResourceMetadataHandler(gate, urls, guard, codec.mapper());
            paths.addExactPath(ResourceUrls.METADATA_PATH, metadata)
                    .addExactPath(ResourceUrls.METADATA_PATH + ResourceUrls.MCP_PATH, metadata);
        }
        if (authorizationServer != null) {
            new OAuthRoutes(authorizationServer, codec.mapper()).addTo(paths);
        }
        HttpHandler limited = exchange -> {
            // Undertow's own default, per request: a body no route reads is drained at most this far
            exchange.setMaxEntitySize(UndertowOptions.DEFAULT_MAX_ENTITY_SIZE);
            paths.handleRequest(exchange);
        };
        GracefulShutdownHandler graceful = new GracefulShutdownHandler(options.rateLimit() == null ? limited
                : new RateLimitHandler(limited, options.rateLimit(), options.trustProxy(), codec));
        StopRefusal stopRefusal = new StopRefusal(graceful, codec);
        // not limited as a server option: Undertow would answer a declared body over it with an empty 400 before
        // POST /mcp could answer the 413 naming transport.http.max_request_bytes (which it sets for its exchanges)
        int maxConnections = ConnectionLimits.maxConnections();
        Undertow undertow = Undertow.builder().addHttpListener(options.port(), host).setHandler(stopRefusal)
                .setWorkerThreads(workerThreads(options.maxConcurrentCalls()))
                .setWorkerOption(Options.WORKER_TASK_CORE_THREADS, BUSY_WORKERS_KEPT)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, Long.MAX_VALUE)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, ConnectionLimits.headerDeadlineMs())
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, ConnectionLimits.IDLE_MS)
                .setSocketOption(Options.CONNECTION_HIGH_WATER, maxConnections)
                .setSocketOption(Options.CONNECTION_LOW_WATER, maxConnections - maxConnections / 10).build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            throw cannotListen(host, options, e);
        }
        HttpTransport transport = new HttpTransport(engine, undertow, stopRefusal, graceful, sessions, listens,
                running, gate, refusals, authorizationServer);
        if (gate.enabled()) {
            long every = StreamTokens.interval().toMillis();
            transport.sessionSweeper.scheduleWithFixedDelay(streamTokens::recheck, every, every, TimeUnit.MILLISECONDS);
        }
        if (authorizationServer != null) {
            try {
                authorizationServer.bound(host, transport.port);
                ready.set(true);
            } catch (IOException e) {
                // the caller closes the gate and the authorization server
                transport.sessionSweeper.shutdownNow();
                undertow.stop();
                throw e;
            }
        }
        engine.addReloadListener(notice -> {
            sessions.reloaded(notice);
            listens.reloaded(notice);
        });
        LOG.log(System.Logger.Level.INFO, "MCP server listening on http://" + host + ":" + transport.port + "/mcp");
        return transport;
    }

    /**
     * {@code GET /health}: 200 once the server can serve everything (503 while the sign-in is still opening). Behind
     * the same Host and Origin check as {@code /mcp}: a DNS-rebinding page would otherwise read which project and
     * version a local server runs.
     */
    private static HttpHandler health(McpEngine engine, JsonRpcCodec codec, AtomicBoolean ready, HostOriginGuard guard)
            throws JsonProcessingException {
        byte[] body = codec.mapper().writeValueAsBytes(codec.mapper().createObjectNode().put("status", "ok")
                .put("server", engine.info().name()).put("version", engine.info().version()));
        String text = new String(body, StandardCharsets.UTF_8);
        return exchange -> {
            if (!Methods.GET.equals(exchange.getRequestMethod())) {
                exchange.setStatusCode(405);
                exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
                return;
            }
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            String refusal = guard.refusal(exchange.getRequestHeaders());
            if (refusal != null) {
                exchange.setStatusCode(403);
                exchange.getResponseSender().send(codec.mapper().writeValueAsString(
                        codec.mapper().createObjectNode().put("status", "forbidden").put("detail", refusal)));
            } else if (ready.get()) {
                exchange.getResponseSender().send(text);
            } else {
                exchange.setStatusCode(503);
                exchange.getResponseSender().send("{\"status\":\"starting\"}");
            }
        };
    }

    /**
     * Fails when another process listens on the options' port, as {@link #start} would; any other trouble (an
     * unknown host) is left to {@link #start}. A free port may still be taken before the server binds it.
     */
    public static void checkPort(HttpServerOptions options) throws IOException {
        if (options.port() == 0) {
            return;
        }
        String host = host(options);
        try (ServerSocket probe = new ServerSocket()) {
            // as Undertow binds: a port only waiting out old connections (TIME_WAIT) is free to it
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, options.port()));
        } catch (BindException e) {
            throw cannotListen(host, options, e);
        } catch (IOException e) {
            // not the port's doing: start names it
        }
    }

    private static String host(HttpServerOptions options) {
        return options.host() == null ? "localhost" : options.host();
    }

    private static IOException cannotListen(String host, HttpServerOptions options, Exception e) {
        return new IOException("Cannot listen on " + host + ":" + options.port() + ": " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    @Override
    public void reload(ProjectSwap swap) throws Exception {
        engine.reload(swap);
    }

    @Override
    public int activeRequests() {
        return engine.activeCalls();
    }

    /**
     * Refuses new requests (503, {@link StopRefusal}), ends legacy and listen streams, lets calls finish for up to
     * 5 s, cancels those still running (Undertow's stop waits for every worker thread), then frees the port.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        sessionSweeper.shutdownNow();
        try {
            stopRefusal.stopping();
            graceful.shutdown();
            sessions.closeStreams();
            listens.closeAll();
            if (!graceful.awaitShutdown(StopDrain.DRAIN_MILLIS)) {
                engine.stopDrain().cancelling();
                running.cancelAll();
                // the cancelled calls answer with their error before the connections close
                graceful.awaitShutdown(StopDrain.CANCELLED_ANSWER_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (AcceptRaceAtStop quiet = AcceptRaceAtStop.hold()) {
                undertow.stop();
            }
            refusals.close();
            gate.close();
            if (authorizationServer != null) {
                authorizationServer.close();
            }
            terminated.countDown();
        }
    }

    /**
     * Undertow's worker threads: an endpoint call holds one until it ends (a DuckDB query or Python code blocks it),
     * so the pool has one per call the limit admits plus Undertow's own default (8 per core) for everything else.
     * With Undertow's default alone, 16 workers on two cores, 16 long queries held every worker: pings and lists
     * waited behind them and the 503 of the limit never came.
     */
    static int workerThreads(int maxConcurrentCalls) {
        return BUSY_WORKERS_KEPT + (maxConcurrentCalls == 0 ? UNLIMITED_CALL_WORKERS : maxConcurrentCalls);
    }
}
