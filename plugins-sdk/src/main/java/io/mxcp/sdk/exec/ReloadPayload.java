package io.mxcp.sdk.exec;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Work an endpoint hands to a {@link ServerReload}, run while the project's runtime is shut down: no executor
 * session and no DuckDB connection of the project is open, so it may replace the database file.
 *
 * @since 1.4
 */
@ConsumerType
public interface ReloadPayload {

    /**
     * Runs the payload, on the reload's thread. A failure fails the reload: the previous configuration is started
     * again.
     */
    void run() throws Exception;

    /**
     * Called exactly once when the reload is done with the payload: after {@link #run()}, or instead of it when the
     * reload does not happen (the server is stopping, the configuration cannot be read). Releases what the payload
     * holds, such as the interpreter it runs in.
     */
    default void release() {
    }
}
