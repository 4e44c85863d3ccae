package io.mxcp.sdk.exec;

import org.osgi.annotation.versioning.ProviderType;

/** Tells an executor that its caller gave up (client cancelled, connection closed, shutdown). */
@ProviderType
public interface CancellationSignal {

    boolean isCancelled();

    /**
     * Runs the action once when the call is cancelled (at once when it already is). Returns a handle that
     * removes the action; close it when the call ends.
     */
    AutoCloseable onCancel(Runnable action);

    /** The signal of a call nobody cancels (a CLI command, a start-up hook). */
    static CancellationSignal never() {
        return Discarded.INSTANCE;
    }
}
