package io.mxcp.mcp.internal.protocol;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource URIs a legacy client subscribed to with {@code resources/subscribe} on its connection or session.
 * MXCP resources are computed when read, so the server tells subscribers of an update after each reload (a data
 * refresh with {@code reload_duckdb}, a SIGHUP), the one moment their content is known to be able to change.
 */
public final class ResourceSubscriptions {
    private final Set<String> uris = ConcurrentHashMap.newKeySet();

    void add(String uri) {
        uris.add(uri);
    }

    void remove(String uri) {
        uris.remove(uri);
    }

    /** The subscribed URIs, in no particular order. */
    List<String> uris() {
        return List.copyOf(uris);
    }
}
