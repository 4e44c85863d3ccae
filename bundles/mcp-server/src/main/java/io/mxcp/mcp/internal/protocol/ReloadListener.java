package io.mxcp.mcp.internal.protocol;

/** A transport that tells its connected clients what a reload changed. */
@FunctionalInterface
public interface ReloadListener {

    /** Called after each reload that swapped the project, on the reloading thread. */
    void reloaded(ReloadNotice notice);
}
