package io.mxcp.mcp.internal.protocol;

import java.util.List;

/** The protocol revisions this server speaks, newest first. */
public final class ProtocolVersions {
    public static final String MODERN = "2026-07-28";
    public static final String LATEST_LEGACY = "2025-11-25";
    /** Used both in {@code server/discover} and in -32022's {@code data.supported}. */
    public static final List<String> SUPPORTED = List.of(MODERN, LATEST_LEGACY, "2025-06-18", "2025-03-26");

    private ProtocolVersions() {
    }

    public static boolean isModern(String version) {
        return MODERN.equals(version);
    }

    public static boolean isSupportedLegacy(String version) {
        return version != null && !isModern(version) && SUPPORTED.contains(version);
    }

    /** {@code initialize}: echo a supported legacy version, else the newest legacy one (never 2026-07-28). */
    public static String negotiateLegacy(String requested) {
        return isSupportedLegacy(requested) ? requested : LATEST_LEGACY;
    }
}
