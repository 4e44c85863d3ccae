package io.mxcp.sdk.exec;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reloads the server that runs the current call (spec 03 §5; Python's {@code mxcp.runtime.reload_duckdb}): the
 * request joins the server's reload queue, reloads run one at a time, each once the calls running when it starts
 * have finished, so the calling endpoint is never waited for. Found through {@link ExecutionContext#serverReload()},
 * present only for calls a server runs.
 *
 * @since 1.4
 */
@ProviderType
public interface ServerReload {

    /**
     * Queues a full reload and returns at once: the configuration is read again, the runtime (executor sessions,
     * DuckDB connections) shut down, {@code payload} run, and the runtime started anew.
     *
     * @param description what the reload is for, for the log; may be empty
     * @param payload     what to run while the runtime is shut down (e.g. replace the database file), or null;
     *                    {@link ReloadPayload#release()} is called in any case, also when the reload does not happen
     */
    void request(String description, ReloadPayload payload);
}
