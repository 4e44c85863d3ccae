package io.mxcp.sdk.exec;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs endpoints written in one language. Register an implementation as an OSGi service; the pipeline
 * chooses it by the endpoint's {@code language}.
 */
@ConsumerType
public interface EndpointExecutor {

    /** The language served: {@code sql}, {@code python}, ... */
    String language();

    /** Opens a session for a project; failures name the cause ({@code Failed to create RuntimeEnvironment: ...}). */
    ExecutorSession open(ProjectRuntime project) throws EndpointExecutionException;
}
