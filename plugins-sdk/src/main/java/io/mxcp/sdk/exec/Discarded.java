package io.mxcp.sdk.exec;

/** The {@link CallNotifications} and {@link CancellationSignal} of a call that has no one listening. */
enum Discarded implements CallNotifications, CancellationSignal {
    INSTANCE;

    @Override
    public void progress(double progress, Double total, String message) {
        // nobody asked for progress
    }

    @Override
    public void log(String level, String logger, Object data) {
        // nobody receives the record
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public AutoCloseable onCancel(Runnable action) {
        return () -> { };
    }
}
