package io.mxcp.mcp.api;

import org.osgi.annotation.versioning.ProviderType;

/** A started server; only this bundle implements it (the CLI calls it), so adding a method is a minor change. */
@ProviderType
public interface RunningServer extends AutoCloseable {

    /** The bound port, or -1 for stdio. */
    int port();

    /** Blocks until the server stops (stdio input ended, or {@link #close()} was called). */
    void awaitTermination() throws InterruptedException;

    /**
     * Reloads (spec 03 §5): endpoint calls arriving meanwhile wait (one waiting longer than 30 s fails with
     * {@code Service is reloading and taking longer than expected. Please retry in a few seconds.}), the calls
     * running finish (waited for at most 90 s), then {@code swap} runs and the tools, resources and prompts are
     * listed anew from the project it returns. Connected clients are told which of the three lists changed:
     * legacy sessions on their event stream (stdio: the connection), 2026-07-28 clients on the
     * {@code subscriptions/listen} streams that asked for it. Calls resume when this returns, also when
     * {@code swap} throws (then the current project stays served). Reloads run one at a time.
     *
     * @throws Exception what {@code swap} threw
     * @since 1.2
     */
    void reload(ProjectSwap swap) throws Exception;

    /**
     * The endpoint calls ({@code tools/call}, {@code resources/read}, {@code prompts/get}) running now: the calls a
     * reload's drain waits for; calls held back by a reload are not counted until they run.
     *
     * @since 1.4
     */
    int activeRequests();

    /** Stops accepting requests, lets calls in flight finish (bounded), and releases the port. */
    @Override
    void close();
}
