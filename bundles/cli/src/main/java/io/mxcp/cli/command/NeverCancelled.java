package io.mxcp.cli.command;

import io.mxcp.sdk.exec.CancellationSignal;

/** A CLI call has no client that could cancel it; Ctrl-C ends the whole process instead. */
final class NeverCancelled implements CancellationSignal {

    static final NeverCancelled INSTANCE = new NeverCancelled();

    private NeverCancelled() {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public AutoCloseable onCancel(Runnable action) {
        return () -> {
        };
    }
}
