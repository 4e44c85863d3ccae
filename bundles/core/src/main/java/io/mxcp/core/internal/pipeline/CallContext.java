package io.mxcp.core.internal.pipeline;

import java.util.Map;
import java.util.Optional;

import io.mxcp.core.api.CallOptions;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.CancellationSignal;
import io.mxcp.sdk.exec.ExecutionContext;

/** The {@link ExecutionContext} an executor sees for one call. */
record CallContext(Optional<UserContext> user, Map<String, String> requestHeaders, CancellationSignal cancellation)
        implements ExecutionContext {

    private static final CancellationSignal NEVER = new CancellationSignal() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public AutoCloseable onCancel(Runnable action) {
            return () -> { };
        }
    };

    static CallContext of(CallOptions options) {
        if (options == null) {
            return new CallContext(Optional.empty(), Map.of(), NEVER);
        }
        return new CallContext(Optional.ofNullable(options.user()),
                options.requestHeaders() == null ? Map.of() : Map.copyOf(options.requestHeaders()),
                options.cancellation() == null ? NEVER : options.cancellation());
    }
}
