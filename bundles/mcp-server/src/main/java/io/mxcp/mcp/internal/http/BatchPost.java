package io.mxcp.mcp.internal.http;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;
import io.mxcp.mcp.internal.protocol.Batch;
import io.mxcp.mcp.internal.protocol.BatchAnswers;
import io.mxcp.mcp.internal.protocol.InboundHeaders;
import io.mxcp.mcp.internal.protocol.McpEngine;
import io.mxcp.mcp.internal.protocol.NotificationChannel;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.Cancellation;

/**
 * A POSTed JSON-RPC batch, which protocol revision 2025-03-26 allows (a POST without {@code MCP-Protocol-Version},
 * the header that revision did not have, or naming it; spec 04b §1). Its requests run one after the other on the
 * worker, each counted against {@code max_concurrent_calls} and withdrawable by its own
 * {@code notifications/cancelled}; their answers go back together as one JSON array, after any progress and log
 * messages on the POST's event stream. A batch of notifications and responses only is a 202.
 */
final class BatchPost {
    private final JsonRpcCodec codec;
    private final LegacySessions sessions;
    private final boolean stateless;
    private final CallSlots slots;
    private final RequestRunner runner;

    BatchPost(JsonRpcCodec codec, LegacySessions sessions, boolean stateless, CallSlots slots, RequestRunner runner) {
        this.codec = codec;
        this.sessions = sessions;
        this.stateless = stateless;
        this.slots = slots;
        this.runner = runner;
    }

    /**
     * @param stream the POST's event stream when the client accepts one, else null
     */
    void handle(PostedMessage posted, JsonNode array, InboundHeaders inbound, UserContext user, boolean eventStream,
            EventStreamAnswer stream) {
        Batch batch;
        LegacySession session;
        try {
            Batch.refuseOtherRevisions(inbound.protocolVersion(), "this POST's MCP-Protocol-Version names", "POST");
            batch = Batch.of(array, codec);
            // a batch of members refused anyway (a batched initialize, say) is answered with their errors, not
            // asked for the session that only an initialize sent alone can open
            boolean needsSession = !stateless && !(inbound.sessionId() == null && batch.requests().isEmpty()
                    && batch.notifications().isEmpty() && batch.responses().isEmpty());
            session = needsSession ? sessions.require(inbound.sessionId(), user) : null;
            if (session != null && session.state().protocolVersion() != null) {
                Batch.refuseOtherRevisions(session.state().protocolVersion(), "this session agreed on", "POST");
            }
        } catch (JsonRpcException e) {
            posted.reply(e.httpStatus(), codec.error(null, e), eventStream);
            return;
        }
        if (session != null) {
            batch.responses().forEach(session.state().clientRequests()::answer);
        }
        List<Cancellation> cancellations = new ArrayList<>(batch.requests().size());
        for (JsonRpcMessage request : batch.requests()) {
            // tracked before any runs, so that a cancellation of a request still waiting its turn reaches it
            Cancellation cancellation = new Cancellation();
            posted.cancellation().onCancel(cancellation::cancel);
            if (session != null) {
                session.track(request.id(), cancellation);
            }
            cancellations.add(cancellation);
        }
        if (session != null) {
            batch.notifications().forEach(session::notified);
        }
        if (!batch.answered()) {
            posted.replyEmpty(202);
            return;
        }
        BatchAnswers answers = new BatchAnswers(batch.refusals());
        for (int i = 0; i < batch.requests().size(); i++) {
            JsonRpcMessage request = batch.requests().get(i);
            if (answers.full()) {
                untrack(session, request, cancellations.get(i));
                answers.refuse(request.id(), codec);
            } else {
                answers.add(run(request, cancellations.get(i), posted, session, user,
                        stream == null ? NotificationChannel.NONE : stream));
            }
        }
        posted.deliver(stream, 200, answers.isEmpty() ? null : answers.joined(), eventStream);
    }

    /** The request's answer; null when the client withdrew it. */
    private byte[] run(JsonRpcMessage request, Cancellation cancellation, PostedMessage posted, LegacySession session,
            UserContext user, NotificationChannel channel) {
        if (cancellation.isCancelled()) {
            untrack(session, request, cancellation);
            return null;
        }
        boolean endpoint = McpEngine.runsEndpoint(request.method());
        if (endpoint && !slots.tryAcquire()) {
            untrack(session, request, cancellation);
            return codec.error(request.id(), slots.busy());
        }
        try {
            RequestRunner.Outcome outcome = runner.run(request, Batch.CLASSIFICATION,
                    posted.exchange().getRequestHeaders(), cancellation, channel, session, session, user);
            return outcome.withdrawn() ? null : outcome.response();
        } finally {
            if (endpoint) {
                slots.release();
            }
        }
    }

    private static void untrack(LegacySession session, JsonRpcMessage request, Cancellation cancellation) {
        if (session != null) {
            session.untrack(request.id(), cancellation);
        }
    }
}
