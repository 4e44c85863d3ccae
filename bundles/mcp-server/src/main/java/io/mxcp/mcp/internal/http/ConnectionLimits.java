package io.mxcp.mcp.internal.http;

import java.lang.management.ManagementFactory;

import com.sun.management.UnixOperatingSystemMXBean;

/**
 * What one client may hold of the server while it sends a request, and how many connections the server takes at
 * once. Without deadlines a client that sends its headers or body a byte at a time keeps its connection (and file
 * descriptor) forever; without a connection limit a flood of such clients exhausts the process's descriptors, every
 * open fails, and XNIO stops accepting for 30 s after each failed accept.
 */
final class ConnectionLimits {
    /** From a request's first byte to its last header (as nginx's {@code client_header_timeout}, but shorter). */
    private static final int HEADER_DEADLINE_MS = 10_000;
    /** From the headers to the body's last byte: 4 MiB (the default request limit) at about 70 KB/s. */
    private static final int BODY_DEADLINE_MS = 60_000;
    /**
     * A connection with no request under way, before its first or between two: the cheapest way to hold a connection
     * is to open it and send nothing. Keep-alive clients open a new one when it ends (Node's own server keeps 5 s).
     */
    static final int IDLE_MS = 15_000;
    /** Descriptors left to the rest of the process: jars, DuckDB's files, logs, the audit log, outbound calls. */
    private static final long MIN_RESERVE = 256;
    /** Where the process's descriptor limit cannot be read. */
    private static final int UNKNOWN_LIMIT_CONNECTIONS = 4_096;

    private ConnectionLimits() {
    }

    /** The header deadline in ms; the system property {@code mxcp.http.headerTimeoutMs} (via MXCP_JAVA_OPTS) sets it. */
    static int headerDeadlineMs() {
        return Integer.getInteger("mxcp.http.headerTimeoutMs", HEADER_DEADLINE_MS);
    }

    /** The body deadline in ms; the system property {@code mxcp.http.bodyTimeoutMs} sets it. */
    static int bodyDeadlineMs() {
        return Integer.getInteger("mxcp.http.bodyTimeoutMs", BODY_DEADLINE_MS);
    }

    /**
     * Connections accepted at once: the process's descriptor limit less a reserve (a tenth, at least 256), or the system
     * property {@code mxcp.http.maxConnections}. At the limit the server pauses accepting; waiting clients stay in the
     * kernel's backlog until connections end.
     */
    static int maxConnections() {
        Integer configured = Integer.getInteger("mxcp.http.maxConnections");
        if (configured != null) {
            return configured;
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            long descriptors = unix.getMaxFileDescriptorCount();
            long reserve = Math.max(MIN_RESERVE, descriptors / 10);
            return (int) Math.clamp(descriptors - reserve, 64, Integer.MAX_VALUE);
        }
        return UNKNOWN_LIMIT_CONNECTIONS;
    }
}
