package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A named pipe that holds an endpoint call: its SQL reads the pipe, which blocks until the test writes to it, so the
 * call runs exactly as long as the test wants.
 */
final class PipeGate {

    private final Path fifo;

    private PipeGate(Path fifo) {
        this.fifo = fifo;
    }

    /** Makes the named pipe (mkfifo). */
    static PipeGate create(Path fifo) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo " + fifo);
        return new PipeGate(fifo);
    }

    /** The SQL of a call that waits for the gate and returns what was written to it. */
    String waitingSql() {
        return "SELECT content FROM read_text('" + fifo + "')";
    }

    /**
     * Opens the pipe for writing: that returns once the waiting call's query has opened it for reading, so the call
     * is running then. Writing and closing the stream lets the call finish.
     */
    OutputStream awaitCall(Duration limit) throws Exception {
        return CompletableFuture.supplyAsync(this::open).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private OutputStream open() {
        try {
            return new FileOutputStream(fifo.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
