package io.mxcp.mcp.internal.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.api.AuditCaller;
import io.mxcp.mcp.api.ProjectSwap;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;
import io.mxcp.mcp.internal.protocol.Batch;
import io.mxcp.mcp.internal.protocol.BatchAnswers;
import io.mxcp.mcp.internal.protocol.Classification;
import io.mxcp.mcp.internal.protocol.Era;
import io.mxcp.mcp.internal.protocol.EraClassifier;
import io.mxcp.mcp.internal.protocol.LegacyState;
import io.mxcp.mcp.internal.protocol.McpEngine;
import io.mxcp.mcp.internal.protocol.NotificationChannel;
import io.mxcp.mcp.internal.protocol.ProtocolVersions;
import io.mxcp.mcp.internal.protocol.ReloadNotice;
import io.mxcp.mcp.internal.protocol.StopDrain;
import io.mxcp.mcp.internal.protocol.RequestContext;
import io.mxcp.mcp.internal.protocol.StdioPin;
import io.mxcp.mcp.internal.protocol.Subscriptions;
import io.mxcp.sdk.exec.Cancellation;

/**
 * Newline-delimited JSON-RPC on a pair of streams. One thread reads; endpoint calls run on threads of their own so
 * several can be in flight (and wait there for the client's answers to the server's requests, which the reader
 * delivers); every message is written whole on one line. Ends at end of input once the calls in
 * flight are answered (bounded as {@link StopDrain} says).
 */
public final class StdioServer implements RunningServer {
    /** The longest line the TypeScript SDK's stdio client reads (its ReadBuffer's limit). */
    private static final int CLIENT_LINE_LIMIT = 10 << 20;
    private static final System.Logger LOG = System.getLogger(StdioServer.class.getName());
    /**
     * The longest line read: a longer one is refused, never held in memory whole. Above the line the TypeScript SDK
     * reads (10 MiB) and HTTP's default request limit (4 MiB): a client's large arguments pass, a runaway line not.
     */
    private static final int MAX_MESSAGE_BYTES = 16 << 20;
    /** stdio has no sessions: the one client is the connection. */
    private static final AuditCaller STDIO_CALLER = new AuditCaller("stdio", null);

    private final McpEngine engine;
    private final JsonRpcCodec codec;
    private final InputStream in;
    private final OutputStream out;
    /**
     * Endpoint calls run on platform threads: a DuckDB query is a native call, which pins a virtual thread's carrier,
     * so as many long queries as cores would hold back every other call, lists included.
     */
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("mxcp-stdio-call-", 0).factory());
    /** Calls in flight by request id, for notifications/cancelled. */
    private final Map<JsonNode, Cancellation> inFlight = new ConcurrentHashMap<>();
    /** Set as the stop cancels the calls still running, which are answered unlike those the client cancelled. */
    private volatile boolean cancelledByStop;
    /** Open listen subscriptions by request id, with what each carries. */
    private final Map<JsonNode, Subscriptions.Acknowledgement> listens = new ConcurrentHashMap<>();
    private final StdioPin pin = new StdioPin();
    /** What a legacy client's connection remembers; its responses to the server's requests come in as lines. */
    private final LegacyState legacyState;
    /** Notifications are written as lines before the request's answer. */
    private final NotificationChannel notifications = this::sendNotification;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean outputLost = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);

    private StdioServer(McpEngine engine, JsonRpcCodec codec, InputStream in, OutputStream out) {
        this.engine = engine;
        this.codec = codec;
        this.in = in;
        this.out = out;
        this.legacyState = new LegacyState(codec.mapper());
    }

    public static StdioServer start(McpEngine engine, JsonRpcCodec codec, InputStream in, OutputStream out) {
        StdioServer server = new StdioServer(engine, codec, in, out);
        engine.addReloadListener(server::reloaded);
        Thread reader = new Thread(server::readLoop, "mxcp-mcp-stdio");
        // A reader blocked on a stream that cannot be interrupted must not keep the JVM alive after close().
        reader.setDaemon(true);
        reader.start();
        return server;
    }

    private void readLoop() {
        String clientGone = null;
        try (InputStream input = in) {
            MessageLines lines = new MessageLines(input, MAX_MESSAGE_BYTES);
            MessageLines.Line line;
            while (!stopping.get() && (line = lines.next()) != null) {
                if (line instanceof MessageLines.Text text && !text.blank()) {
                    onLine(text.bytes());
                } else if (line instanceof MessageLines.TooLong(long length)) {
                    send(codec.error(null, JsonRpcErrors.parseError("the message of " + length + " bytes is longer "
                            + "than the " + MAX_MESSAGE_BYTES + " bytes a stdio message may have")));
                }
            }
            if (!stopping.get()) {
                // the client's way to stop the server: said, so that the log shows why it stopped
                LOG.log(System.Logger.Level.INFO, "Standard input ended (the client closed it): stopping the server");
                clientGone = "The client closed standard input";
            }
        } catch (IOException e) {
            if (!stopping.get()) {
                LOG.log(System.Logger.Level.WARNING, "stdio input failed: " + e.getMessage());
                clientGone = "Standard input failed";
            }
        } finally {
            stop(clientGone);
        }
    }

    private void onLine(byte[] line) {
        JsonNode node;
        JsonRpcMessage message;
        try {
            node = codec.parse(line);
        } catch (JsonRpcException e) {
            send(codec.error(null, e));
            return;
        }
        if (node.isArray()) {
            batch(node);
            return;
        }
        if (JsonRpcCodec.isResponse(node)) {
            legacyState.clientRequests().answer(node);
            return;
        }
        try {
            message = codec.toMessage(node);
        } catch (JsonRpcException e) {
            send(codec.error(JsonRpcCodec.idOf(node), e));
            return;
        }
        if (message.isNotification()) {
            onNotification(message);
            return;
        }
        Classification classification;
        try {
            classification = EraClassifier.classifyStdio(message, pin);
        } catch (JsonRpcException e) {
            send(codec.error(message.id(), e));
            return;
        }
        // any request, also one answered at once: its answer would carry the id the earlier request waits on
        if (inUse(message.id())) {
            send(codec.error(message.id(), JsonRpcErrors.idInUse(message.id())));
            return;
        }
        boolean listen = McpEngine.opensListenStream(message, classification);
        if (listen) {
            acknowledge(message);
            return;
        }
        Cancellation cancellation = new Cancellation();
        if (McpEngine.runsEndpoint(message.method())) {
            inFlight.put(message.id(), cancellation);
            calls.execute(() -> answer(message, classification, cancellation));
        } else {
            answer(message, classification, cancellation);
        }
    }

    /**
     * A JSON-RPC batch (protocol revision 2025-03-26; not on a connection that speaks 2026-07-28 or agreed on a later
     * 2025 revision in its initialize): its requests run one after the other on a thread of their own, each
     * cancellable on its own, and are answered together on one line.
     */
    private void batch(JsonNode array) {
        Batch batch;
        try {
            if (pin.era() == Era.MODERN) {
                throw JsonRpcErrors.invalidRequest("this connection speaks " + ProtocolVersions.MODERN
                        + ", which has no JSON-RPC batches (they belong to protocol revision " + Batch.REVISION + ")");
            }
            Batch.refuseOtherRevisions(legacyState.protocolVersion(), "this connection agreed on", "line");
            batch = Batch.of(array, codec);
        } catch (JsonRpcException e) {
            send(codec.error(null, e));
            return;
        }
        batch.responses().forEach(legacyState.clientRequests()::answer);
        batch.notifications().forEach(this::onNotification);
        if (!batch.answered()) {
            return;
        }
        List<JsonRpcMessage> requests = new ArrayList<>(batch.requests().size());
        List<Cancellation> cancellations = new ArrayList<>(batch.requests().size());
        List<byte[]> refusals = new ArrayList<>(batch.refusals());
        for (JsonRpcMessage request : batch.requests()) {
            Cancellation cancellation = new Cancellation();
            // an earlier member of the batch counts too: it is in flight from here on
            if (inUse(request.id())) {
                refusals.add(codec.error(request.id(), JsonRpcErrors.idInUse(request.id())));
            } else {
                inFlight.put(request.id(), cancellation);
                requests.add(request);
                cancellations.add(cancellation);
            }
        }
        calls.execute(() -> {
            BatchAnswers answers = new BatchAnswers(refusals);
            for (int i = 0; i < requests.size(); i++) {
                JsonRpcMessage request = requests.get(i);
                if (answers.full()) {
                    inFlight.remove(request.id(), cancellations.get(i));
                    answers.refuse(request.id(), codec);
                } else {
                    answers.add(respond(request, Batch.CLASSIFICATION, cancellations.get(i)));
                }
            }
            if (!answers.isEmpty()) {
                send(answers.joined());
            }
        });
    }

    /** Whether a call or a listen stream still in progress has the id (spec 04 §5: a cancel names one request). */
    private boolean inUse(JsonNode id) {
        return inFlight.containsKey(id) || listens.containsKey(id);
    }

    /**
     * A listen stream on stdio is the acknowledgement on the shared channel; the client ends it with
     * notifications/cancelled, which needs no answer.
     */
    private void acknowledge(JsonRpcMessage listen) {
        try {
            Subscriptions.Acknowledgement acknowledgement = engine.acknowledge(listen);
            // a reload meanwhile waits: its notifications come after the acknowledgement, and it sees the listen
            synchronized (listens) {
                send(codec.mapper().writeValueAsBytes(acknowledgement.message()));
                listens.put(listen.id(), acknowledgement);
            }
        } catch (JsonRpcException e) {
            send(codec.error(listen.id(), e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void onNotification(JsonRpcMessage notification) {
        if (notification.method().equals("notifications/cancelled")) {
            JsonNode requestId = notification.params().path("requestId");
            Cancellation call = inFlight.get(requestId);
            if (call != null) {
                call.cancel();
            }
            listens.remove(requestId);
        }
    }

    /**
     * After a reload: a legacy connection hears of every changed list and its subscribed resources, a modern one
     * on each listen subscription what it asked for.
     */
    private void reloaded(ReloadNotice notice) {
        if (pin.era() == Era.LEGACY) {
            notice.forLegacy(legacyState).forEach(this::sendNotification);
        }
        synchronized (listens) {
            listens.forEach((id, listen) -> notice.forListen(listen, id).forEach(this::sendNotification));
        }
    }

    private void answer(JsonRpcMessage request, Classification classification, Cancellation cancellation) {
        byte[] response = respond(request, classification, cancellation);
        if (response != null) {
            send(response);
        }
    }

    /**
     * The request's response; null when the client cancelled it, which gets no answer (spec 04 §5). A call the
     * server's stop cancelled is answered: its error tells the client why it ended.
     */
    private byte[] respond(JsonRpcMessage request, Classification classification, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            inFlight.remove(request.id(), cancellation);
            return null;
        }
        byte[] response;
        try {
            response = codec.result(request.id(), engine.handle(request,
                    new RequestContext(classification, Map.of(), cancellation, notifications,
                    classification.modern() ? null : legacyState, STDIO_CALLER, null)));
        } catch (JsonRpcException e) {
            response = codec.error(request.id(), e);
        } catch (RuntimeException | Error e) {
            // answered whatever happened to it (an OutOfMemoryError while its result was written, say)
            LOG.log(System.Logger.Level.ERROR, request.method() + " failed", e);
            response = codec.error(request.id(), JsonRpcErrors.unexpected(request.method(), e));
        } finally {
            inFlight.remove(request.id(), cancellation);
        }
        return cancellation.isCancelled() && !cancelledByStop ? null : response;
    }

    private void sendNotification(ObjectNode notification) {
        try {
            send(codec.mapper().writeValueAsBytes(notification));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(byte[] message) {
        if (message.length > CLIENT_LINE_LIMIT) {
            LOG.log(System.Logger.Level.WARNING, "Sending a " + (message.length >> 20) + " MiB message over stdio: "
                    + "clients on the TypeScript SDK refuse lines over 10 MiB and close the connection; a tool "
                    + "result this large is better made smaller (LIMIT) or served over streamable HTTP");
        }
        synchronized (out) {
            try {
                out.write(message);
                out.write('\n');
                out.flush();
                // standard output is a PrintStream, which keeps its failures to itself
                if (out instanceof PrintStream print && print.checkError()) {
                    throw new IOException("standard output is closed");
                }
            } catch (IOException e) {
                outputLost(e);
            }
        }
    }

    /**
     * Nothing more can reach the client (it closed our standard output, or exited while keeping its input open to us):
     * the calls in flight are cancelled and the server stops as at the end of input.
     */
    private void outputLost(IOException e) {
        if (outputLost.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "stdio output failed (" + e.getMessage()
                    + "): the client can no longer be answered; stopping");
            inFlight.values().forEach(Cancellation::cancel);
            // stop() waits for the calls, and this may be one of them
            Thread.ofPlatform().daemon().name("mxcp-stdio-stop").start(() -> stop("Standard output failed"));
        }
    }

    /**
     * Stops reading, lets calls in flight finish (bounded), then cancels what is left. Runs once. When the client is
     * gone (its input ended), nobody can read an answer any more and a desktop client kills the server two to four
     * seconds after closing its input: the calls are cancelled at once, so that they are recorded and the shutdown
     * hooks run before that.
     *
     * @param clientGone why the client can no longer be answered, or null while it can
     */
    private void stop(String clientGone) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        calls.shutdown();
        try {
            if (!calls.awaitTermination(clientGone != null ? 0 : StopDrain.DRAIN_MILLIS, TimeUnit.MILLISECONDS)) {
                if (clientGone != null) {
                    engine.stopDrain().cancelling(clientGone + ", so no answer can be read: cancelling the "
                            + inFlight.size() + " MCP call(s) still running");
                } else {
                    engine.stopDrain().cancelling();
                }
                cancelledByStop = true;
                inFlight.values().forEach(Cancellation::cancel);
                if (!calls.awaitTermination(StopDrain.CANCELLED_ANSWER_MILLIS, TimeUnit.MILLISECONDS)) {
                    calls.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            terminated.countDown();
        }
    }

    @Override
    public void reload(ProjectSwap swap) throws Exception {
        engine.reload(swap);
    }

    @Override
    public int activeRequests() {
        return engine.activeCalls();
    }

    @Override
    public int port() {
        return -1;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    @Override
    public void close() {
        if (stopping.get()) {
            awaitQuietly();
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing stdio input: " + e.getMessage());
        }
        stop(null);
    }

    private void awaitQuietly() {
        try {
            terminated.await(StopDrain.DRAIN_MILLIS + StopDrain.CANCELLED_ANSWER_MILLIS + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
