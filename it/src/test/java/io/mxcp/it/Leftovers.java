package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Checks, at the end of a test class, that every mxcp process it started has gone (and kills any that has not). */
public final class Leftovers {

    /** How long a stopped server may take to exit. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private Leftovers() {
    }

    public static void assertNone(Mxcp mxcp) {
        if (mxcp == null) {
            return;
        }
        long deadline = System.nanoTime() + GRACE.toNanos();
        List<ProcessHandle> alive = mxcp.leftoverProcesses();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            sleepBriefly();
            alive = mxcp.leftoverProcesses();
        }
        if (!alive.isEmpty()) {
            String described = alive.stream()
                    .map(process -> process.pid() + " " + process.info().commandLine().orElse("?"))
                    .collect(Collectors.joining("\n"));
            Processes.kill(alive);
            fail("mxcp processes still running " + GRACE.toSeconds() + " s after the tests (now killed):\n" + described);
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
