package io.mxcp.mcp.internal.http;

import java.nio.ByteBuffer;

import io.undertow.server.HttpServerExchange;

import io.mxcp.mcp.internal.auth.Verdict;
import io.mxcp.sdk.exec.Cancellation;

/**
 * One POSTed message between its IO thread and the worker that runs it. The IO thread read the body and started
 * watching the connection; the worker decides the answer and hands it back, so that the watch ends and the answer
 * is written on the IO thread, which owns the connection.
 */
final class PostedMessage {
    private final HttpServerExchange exchange;
    private final byte[] body;
    private final Cancellation cancellation;
    private final DisconnectWatch.Handle watch;

    PostedMessage(HttpServerExchange exchange, byte[] body, Cancellation cancellation,
            DisconnectWatch.Handle watch) {
        this.exchange = exchange;
        this.body = body;
        this.cancellation = cancellation;
        this.watch = watch;
    }

    HttpServerExchange exchange() {
        return exchange;
    }

    byte[] body() {
        return body;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    /** Answers with a body, written once the worker's handler returned. */
    void reply(int status, byte[] json, boolean eventStream) {
        ByteBuffer answer = HttpReplies.prepare(exchange, status, json, eventStream);
        exchange.dispatch(exchange.getIoThread(), () -> {
            watch.close();
            HttpReplies.write(exchange, answer);
        });
    }

    /** Refuses the request the gate did not admit, written once the worker's handler returned. */
    void refuse(BearerChallenge challenge, Verdict refusal) {
        ByteBuffer answer = challenge.prepare(exchange, refusal);
        exchange.dispatch(exchange.getIoThread(), () -> {
            watch.close();
            HttpReplies.write(exchange, answer);
        });
    }

    /** Answers with a status and no body (202 for notifications and responses). */
    void replyEmpty(int status) {
        exchange.setStatusCode(status);
        exchange.dispatch(exchange.getIoThread(), () -> {
            watch.close();
            exchange.endExchange();
        });
    }

    /**
     * Sends a worker's answer: as the last event of the event stream a notification opened, else as usual. A null
     * answer (the client withdrew what it asked) ends that stream empty, or is a 202 as for a notification, which
     * the SDK clients take without complaint.
     */
    void deliver(EventStreamAnswer stream, int status, byte[] json, boolean eventStream) {
        if (stream != null && stream.seal()) {
            stopWatching();
            stream.finish(json);
        } else if (json == null) {
            replyEmpty(202);
        } else {
            reply(status, json, eventStream);
        }
    }

    /** Ends the watch from the worker, for an answer the worker writes itself (an event stream it opened). */
    void stopWatching() {
        watch.close();
    }
}
