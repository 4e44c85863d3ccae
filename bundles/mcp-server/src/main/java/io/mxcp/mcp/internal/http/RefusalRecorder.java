package io.mxcp.mcp.internal.http;

import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.mxcp.core.api.Project;
import io.mxcp.core.api.RefusedRequest;
import io.mxcp.mcp.internal.auth.Verdict;
import io.mxcp.sdk.auth.UserContext;
import io.undertow.server.HttpServerExchange;

/**
 * Hands the requests {@code /mcp} refuses before any endpoint runs (spec 03b D.38) to the audit log of the project
 * served at that moment, within the per-client {@link RefusalBudget}. The hand-over only queues the record, never
 * waiting for its write (not even in fail-closed mode), so a refusal is answered as fast as without it.
 */
final class RefusalRecorder {
    static final String UNKNOWN_SESSION = "session_not_found: no open session of the caller has this id (unknown,"
            + " ended, or another user's)";

    private final Supplier<Project> served;
    private final boolean trustProxy;
    private final RefusalBudget budget;

    /**
     * @param served     the project served now (a reload replaces it)
     * @param trustProxy whether the client is the first address of {@code X-Forwarded-For} (as for the rate limit)
     * @param nanoTime   nanoseconds, as {@link System#nanoTime()}
     */
    RefusalRecorder(Supplier<Project> served, boolean trustProxy, LongSupplier nanoTime) {
        this.served = served;
        this.trustProxy = trustProxy;
        this.budget = new RefusalBudget(nanoTime);
    }

    /**
     * A request the bearer gate refused.
     *
     * @param rpcMethod the JSON-RPC method the request names, asked only when the refusal is recorded; null when the
     *                  body was not read
     */
    void refused(HttpServerExchange exchange, Verdict verdict, Supplier<String> rpcMethod) {
        record(exchange, verdict.status(), verdict.reason(), verdict.user(), rpcMethod);
    }

    /** A request naming a session its caller has not open (404). */
    void unknownSession(HttpServerExchange exchange, UserContext user, String rpcMethod) {
        record(exchange, 404, UNKNOWN_SESSION, user, () -> rpcMethod);
    }

    /** At server stop. */
    void close() {
        budget.close();
    }

    private void record(HttpServerExchange exchange, int status, String reason, UserContext user,
            Supplier<String> rpcMethod) {
        String client = ClientAddress.of(exchange, trustProxy);
        long suppressed = budget.admit(client);
        if (suppressed < 0) {
            return;
        }
        RefusedRequest refusal = new RefusedRequest(Instant.now(), status, exchange.getRequestMethod().toString(),
                exchange.getRequestPath(), rpcMethod == null ? null : rpcMethod.get(), client,
                user == null ? null : user.userId(), exchange.getRequestHeaders().getFirst(PostHandler.SESSION_ID),
                reason, suppressed);
        if (!served.get().auditTrail().recordRefusal(refusal)) {
            // a reload closed the project a moment ago: the client's next record counts this one
            budget.unrecorded(client, 1 + suppressed);
        }
    }
}
