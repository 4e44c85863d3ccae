package io.mxcp.core.internal.policy;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;

import io.mxcp.core.model.EndpointDefinition;

/**
 * Compiled policies per loaded endpoint definition. A definition is parsed again only when its file changes, so each
 * set of conditions compiles once per load; keys are held weakly and compared by identity, so an edited file's old
 * definition and its programs go with it.
 */
public final class PolicyCache {

    private final LoadingCache<EndpointDefinition, EndpointPolicies> compiled =
            CacheBuilder.newBuilder().weakKeys().build(CacheLoader.from(PolicyCompiler::compile));

    public EndpointPolicies of(EndpointDefinition definition) {
        return definition.policies() == null ? EndpointPolicies.NONE : compiled.getUnchecked(definition);
    }
}
