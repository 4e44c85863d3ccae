package io.mxcp.executor.python.runtime;

import java.util.Map;
import java.util.Optional;

import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.CancellationSignal;
import io.mxcp.sdk.exec.ExecutionContext;

/** A call's context without a user, request headers or cancellation; a test's record adds what it needs. */
interface AnonymousCall extends ExecutionContext {

    @Override
    default Optional<UserContext> user() {
        return Optional.empty();
    }

    @Override
    default Map<String, String> requestHeaders() {
        return Map.of();
    }

    @Override
    default CancellationSignal cancellation() {
        return CancellationSignal.never();
    }
}
