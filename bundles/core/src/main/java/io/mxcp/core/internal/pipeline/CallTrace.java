package io.mxcp.core.internal.pipeline;

import io.mxcp.core.internal.policy.PolicyOutcome;
import io.mxcp.core.model.EndpointDefinition;

/** What one call went through, for its audit record: the endpoint it resolved to and what its policies decided. */
public final class CallTrace {

    private final PolicyOutcome policies = new PolicyOutcome();
    private volatile EndpointDefinition definition;

    /** The endpoint the call resolved to, or null when the lookup failed. */
    public EndpointDefinition definition() {
        return definition;
    }

    public PolicyOutcome policies() {
        return policies;
    }

    void resolved(EndpointDefinition endpoint) {
        definition = endpoint;
    }
}
