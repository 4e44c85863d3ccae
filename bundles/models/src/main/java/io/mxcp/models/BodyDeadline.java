package io.mxcp.models;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * Bounds the reading of an answer's body: the HTTP client's request timeout ends when the headers arrive, so an API
 * (or a proxy at {@code base_url}) that sends headers and then stalls would hold the read for ever. At the deadline
 * the body is closed, which ends a read in progress with an exception.
 */
final class BodyDeadline implements AutoCloseable {

    private final Thread watchdog;
    private volatile boolean passed;

    private BodyDeadline(Closeable body, long deadlineNanos) {
        watchdog = Thread.ofVirtual().name("model-answer-deadline").start(() -> {
            try {
                for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
                    Thread.sleep(Duration.ofNanos(left));
                }
                passed = true;
                body.close();
            } catch (InterruptedException readInTime) {
                // the body was read before the deadline
            } catch (IOException closing) {
                // the read fails either way
            }
        });
    }

    /** Watches the body until {@link #close()}, closing it at {@code deadlineNanos} ({@link System#nanoTime()}). */
    static BodyDeadline watch(Closeable body, long deadlineNanos) {
        return new BodyDeadline(body, deadlineNanos);
    }

    /** Whether the deadline passed and the body was closed. */
    boolean passed() {
        return passed;
    }

    @Override
    public void close() {
        watchdog.interrupt();
    }
}
