package io.mxcp.core.internal.telemetry;

import java.util.ArrayDeque;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.internal.types.HiddenTexts;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.telemetry.TelemetrySpan;
import io.mxcp.sdk.telemetry.TraceContext;

/**
 * The telemetry of one endpoint call: its root span {@code mxcp.endpoint.execute}, the spans of its stages under it,
 * and its metrics, all on the telemetry that was current when the call began (a swap of the telemetry bundle
 * meanwhile does not move it). A stage's span is the child of the innermost stage still open — the call's own
 * context, passed along with it rather than kept in a thread-local, so nothing of a telemetry bundle stays attached
 * to a thread. A call runs its stages on one thread. {@link #NONE} is what an untraced call gets: no span, no metric,
 * no allocation.
 */
public final class CallTelemetry {

    public static final CallTelemetry NONE = new CallTelemetry(null, NoSpan.INSTANCE, null, null, null, null);

    private final ActiveTelemetry active;
    private final TelemetrySpan root;
    private final String endpoint;
    private final String type;
    private final String caller;
    /** What error messages on the call's spans must not show. */
    private final HiddenTexts hidden;
    /** The stages open under the root, innermost last; made on the first stage of a traced call. */
    private ArrayDeque<TelemetrySpan> stages;

    private CallTelemetry(ActiveTelemetry active, TelemetrySpan root, String endpoint, String type, String caller,
            HiddenTexts hidden) {
        this.active = active;
        this.root = root;
        this.endpoint = endpoint;
        this.type = type;
        this.caller = caller;
        this.hidden = hidden;
    }

    /** Begins a call on telemetry the caller has entered; {@link #end} leaves it. */
    static CallTelemetry begin(ActiveTelemetry active, EndpointKind kind, String identifier, CallOptions options,
            HiddenTexts hidden) {
        TraceContext remote = options == null ? null : options.traceContext();
        TelemetrySpan root = !active.tracing() ? NoSpan.INSTANCE
                : remote != null ? active.telemetry().continueTrace("mxcp.endpoint.execute", remote)
                : active.telemetry().startSpan("mxcp.endpoint.execute", null);
        String type = kind.yamlKey();
        if (root.recording()) {
            UserContext user = options == null ? null : options.user();
            root.setAttribute("mxcp.endpoint.name", identifier);
            root.setAttribute("mxcp.endpoint.type", type);
            root.setAttribute("mxcp.auth.authenticated", user != null);
            if (user != null) {
                root.setAttribute("mxcp.auth.provider", user.provider());
            }
            if (options != null && options.auditCaller() != null) {
                root.setAttribute("mxcp.session.id", options.auditCaller().sessionId());
            }
        }
        String caller = options == null || options.auditCaller() == null ? "unknown" : options.auditCaller().type();
        return new CallTelemetry(active, root, identifier, type, caller, hidden);
    }

    /** The call's root span. */
    public TelemetrySpan root() {
        return root;
    }

    /**
     * Opens the span of a stage under the innermost stage still open (or the root); one that records nothing when the
     * call is not traced. Every span opened is {@linkplain #close closed}, innermost first.
     */
    public TelemetrySpan open(String name) {
        if (!root.recording()) {
            return NoSpan.INSTANCE;
        }
        if (stages == null) {
            stages = new ArrayDeque<>();
        }
        TelemetrySpan parent = stages.isEmpty() ? root : stages.peekLast();
        TelemetrySpan span = active.telemetry().startSpan(name, parent);
        stages.addLast(span);
        return span;
    }

    /** Ends a stage's span; stages opened later are their children. */
    public void close(TelemetrySpan span) {
        if (span != NoSpan.INSTANCE) {
            stages.removeLastOccurrence(span);
            span.end();
        }
    }

    /** Ends a stage's span that an exception escapes: the exception is recorded on it. */
    public void close(TelemetrySpan span, Throwable error) {
        recordError(span, error);
        close(span);
    }

    /** The error on the span, its message without the call's hidden values. */
    private void recordError(TelemetrySpan span, Throwable error) {
        if (span.recording()) {
            span.recordError(error.getClass().getName(), hidden.scrub(error.getMessage()));
        }
    }

    /** Where the call's stages record their metrics. */
    public CallMetrics metrics() {
        return active == null ? CallMetrics.NONE : active.metrics();
    }

    /** The call's trace id for its audit record, or null when it is not traced. */
    public String traceId() {
        return root.traceId();
    }

    /** Marks the call started in the metrics, once the endpoint is found (an unknown name is never counted). */
    public void started() {
        metrics().callStarted(endpoint, type);
    }

    /**
     * Ends the call: its policy outcome on the root span, the failure if any, the request metrics (when it was
     * {@linkplain #started() started}), then lets the telemetry go.
     *
     * @param decision      the policy decision, or null
     * @param rulesReached  how many policy rules were evaluated
     * @param error         what made the call fail, or null
     * @param errorType     its kind for {@code errors_total}, or null
     * @param started       whether {@link #started()} was called
     */
    public void end(String decision, int rulesReached, Throwable error, String errorType, boolean started) {
        if (this == NONE) {
            return;
        }
        try {
            endOpenStages(error);
            if (root.recording()) {
                root.setAttribute("mxcp.policy.decision", decision);
                root.setAttribute("mxcp.policy.rules_evaluated", rulesReached);
                if (error != null) {
                    recordError(root, error);
                }
            }
            root.end();
            if (started) {
                metrics().callEnded(endpoint, type, caller, decision, errorType);
            }
        } finally {
            active.leave();
        }
    }

    /**
     * Ends the stages a throwable escaped without closing them (an {@link Error} such as a class a swapped bundle no
     * longer provides passes the stages' own handlers), so no span of the call stays open.
     */
    private void endOpenStages(Throwable error) {
        while (stages != null && !stages.isEmpty()) {
            TelemetrySpan stage = stages.pollLast();
            if (error != null) {
                recordError(stage, error);
            }
            stage.end();
        }
    }
}
