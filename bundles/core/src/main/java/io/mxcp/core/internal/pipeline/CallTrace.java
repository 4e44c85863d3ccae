package io.mxcp.core.internal.pipeline;

import io.mxcp.core.internal.policy.PolicyOutcome;
import io.mxcp.core.internal.telemetry.CallTelemetry;
import io.mxcp.core.model.EndpointDefinition;

/**
 * What one call went through, for its audit record and its telemetry: the endpoint it resolved to, what its policies
 * decided, and the spans and metrics its stages record.
 */
public final class CallTrace {

    private final PolicyOutcome policies = new PolicyOutcome();
    private final CallTelemetry telemetry;
    private volatile EndpointDefinition definition;

    /** A call that is not traced. */
    public CallTrace() {
        this(CallTelemetry.NONE);
    }

    public CallTrace(CallTelemetry telemetry) {
        this.telemetry = telemetry;
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

    void resolved(EndpointDefinition endpoint) {
        definition = endpoint;
        telemetry.started();
    }
}
