package io.mxcp.mcp.internal.protocol;

/** The two protocol eras one server serves (spec 04b). */
public enum Era {
    /** 2025-11-25, 2025-06-18, 2025-03-26: {@code initialize} handshake, sessions. */
    LEGACY,
    /** 2026-07-28: every request carries its own {@code _meta} envelope. */
    MODERN
}
