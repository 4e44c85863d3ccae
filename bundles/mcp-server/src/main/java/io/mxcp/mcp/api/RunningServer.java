package io.mxcp.mcp.api;

/** A started server. */
public interface RunningServer extends AutoCloseable {

    /** The bound port, or -1 for stdio. */
    int port();

    /** Blocks until the server stops (stdio input ended, or {@link #close()} was called). */
    void awaitTermination() throws InterruptedException;

    /** Stops accepting requests, lets calls in flight finish (bounded), and releases the port. */
    @Override
    void close();
}
