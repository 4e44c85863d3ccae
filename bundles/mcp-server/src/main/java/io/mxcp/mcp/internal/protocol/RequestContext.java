package io.mxcp.mcp.internal.protocol;

import java.util.Map;

import io.mxcp.core.api.AuditCaller;
import io.mxcp.sdk.auth.UserContext;

import io.mxcp.sdk.exec.CancellationSignal;

/**
 * What a method handler knows about the request beyond its params.
 *
 * @param classification its era and version
 * @param requestHeaders HTTP request headers with lower-cased names (empty on stdio)
 * @param cancellation   fires when the client cancels or goes away
 * @param channel        where progress and log notifications about this request go (and, for legacy requests,
 *                       the server's requests to the client)
 * @param legacy         what the legacy connection or session remembers, or null when there is no such state
 *                       (modern requests, stateless HTTP)
 * @param caller         how the request's endpoint call appears in the audit log (transport and session), or null
 *                       when it is not recorded
 * @param user           who the request's bearer token says is calling; null when anonymous (no authentication)
 */
public record RequestContext(Classification classification, Map<String, String> requestHeaders,
        CancellationSignal cancellation, NotificationChannel channel, LegacyState legacy, AuditCaller caller,
        UserContext user) {

    /** A request whose notifications nobody receives and whose calls are not audited, of an anonymous caller. */
    public RequestContext(Classification classification, Map<String, String> requestHeaders,
            CancellationSignal cancellation) {
        this(classification, requestHeaders, cancellation, NotificationChannel.NONE, null, null, null);
    }

    public boolean modern() {
        return classification.modern();
    }
}
