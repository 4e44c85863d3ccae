package io.mxcp.mcp.internal.protocol;

/**
 * The era a stdio connection is pinned to (spec 04b §1): unset until the first modern request (other than
 * {@code server/discover}) or the first {@code initialize}. Only the reader thread touches it.
 */
public final class StdioPin {
    private Era era;

    public Era era() {
        return era;
    }

    void pin(Era value) {
        if (era == null) {
            era = value;
        }
    }
}
