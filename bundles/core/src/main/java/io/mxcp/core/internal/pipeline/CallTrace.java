package io.mxcp.core.internal.pipeline;

import io.mxcp.core.internal.policy.PolicyOutcome;
import io.mxcp.core.internal.telemetry.CallTelemetry;
import io.mxcp.core.internal.types.HiddenTexts;
import io.mxcp.core.model.EndpointDefinition;

/**
 * What one call went through, for its audit record and its telemetry: the endpoint it resolved to, what its policies
 * decided, the spans and metrics its stages record, and the values its records must not show.
 */
public final class CallTrace {

    private final PolicyOutcome policies = new PolicyOutcome();
    private final CallTelemetry telemetry;
    private final HiddenTexts hidden;
    private volatile EndpointDefinition definition;

    /** A call that is not traced. */
    public CallTrace() {
        this(CallTelemetry.NONE, new HiddenTexts());
    }

    /** @param hidden the values the call's telemetry takes out of error messages */
    public CallTrace(CallTelemetry telemetry, HiddenTexts hidden) {
        this.telemetry = telemetry;
        this.hidden = hidden;
    }

    public CallTelemetry telemetry() {
        return telemetry;
    }

    /** The endpoint the call resolved to, or null when the lookup failed. */
    public EndpointDefinition definition() {
        return definition;
    }

    public PolicyOutcome policies() {
        return policies;
    }

    /** The values the server's texts about this call (log, spans, audit record) must not show. */
    public HiddenTexts hidden() {
        return hidden;
    }

    void resolved(EndpointDefinition endpoint) {
        definition = endpoint;
        telemetry.started();
    }
}
