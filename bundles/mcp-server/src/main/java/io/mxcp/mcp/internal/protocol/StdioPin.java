package io.mxcp.mcp.internal.protocol;

/**
 * The era a stdio connection is pinned to (spec 04b §1): unset until the first modern request (other than
 * {@code server/discover}) or the first {@code initialize}. Only the reader thread sets it; a reload reads it to
 * know how to tell the client about changed lists.
 */
public final class StdioPin {
    private volatile Era era;

    public Era era() {
        return era;
    }

    void pin(Era value) {
        if (era == null) {
            era = value;
        }
    }
}
