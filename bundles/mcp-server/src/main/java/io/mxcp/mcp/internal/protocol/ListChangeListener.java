package io.mxcp.mcp.internal.protocol;

import java.util.Set;

/** A transport that tells its connected clients when a reload changed what the server lists. */
@FunctionalInterface
public interface ListChangeListener {

    /** Called after a reload, on the reloading thread, with the kinds whose list changed (never empty). */
    void listsChanged(Set<ListKind> changed);
}
