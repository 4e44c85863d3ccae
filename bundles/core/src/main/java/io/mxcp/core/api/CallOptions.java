package io.mxcp.core.api;

import java.util.Map;

import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.CallNotifications;
import io.mxcp.sdk.exec.CancellationSignal;

/**
 * Who makes a call and how.
 *
 * @param user                 the caller, or null
 * @param requestHeaders       request headers (names lower-cased for HTTP), or empty
 * @param cancellation         the caller's cancellation
 * @param skipOutputValidation the CLI's {@code --skip-output-validation}
 * @param notifications        where the endpoint's progress and log messages go
 */
public record CallOptions(UserContext user, Map<String, String> requestHeaders, CancellationSignal cancellation,
        boolean skipOutputValidation, CallNotifications notifications) {

    /** Options of a call whose progress and log messages nobody receives. */
    public CallOptions(UserContext user, Map<String, String> requestHeaders, CancellationSignal cancellation,
            boolean skipOutputValidation) {
        this(user, requestHeaders, cancellation, skipOutputValidation, CallNotifications.none());
    }
}
