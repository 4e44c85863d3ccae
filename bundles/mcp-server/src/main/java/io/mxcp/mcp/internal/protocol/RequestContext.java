package io.mxcp.mcp.internal.protocol;

import java.util.Map;

import io.mxcp.sdk.exec.CancellationSignal;

/**
 * What a method handler knows about the request beyond its params.
 *
 * @param classification its era and version
 * @param requestHeaders HTTP request headers with lower-cased names (empty on stdio)
 * @param cancellation   fires when the client cancels or goes away
 */
public record RequestContext(Classification classification, Map<String, String> requestHeaders,
        CancellationSignal cancellation) {

    public boolean modern() {
        return classification.modern();
    }
}
