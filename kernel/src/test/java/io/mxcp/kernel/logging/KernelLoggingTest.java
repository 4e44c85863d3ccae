package io.mxcp.kernel.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class KernelLoggingTest {

    private static String logged(boolean debug) {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        KernelLogging.install(new PrintStream(stderr, true, StandardCharsets.UTF_8), debug);
        System.getLogger("io.mxcp.core.Probe").log(System.Logger.Level.DEBUG, "server detail");
        System.getLogger("jdk.event.security").log(System.Logger.Level.DEBUG, "X509Certificate: Alg:SHA256withRSA");
        System.getLogger("jdk.event.security").log(System.Logger.Level.WARNING, "a JDK warning");
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void debugShowsTheServersDebugLinesButNotTheJdksOwn() {
        String log = logged(true);

        assertTrue(log.contains("server detail"), log);
        assertFalse(log.contains("X509Certificate"), log);
        assertTrue(log.contains("a JDK warning"), log);
    }

    @Test
    void withoutDebugOnlyWarningsShow() {
        String log = logged(false);

        assertFalse(log.contains("server detail"), log);
        assertTrue(log.contains("a JDK warning"), log);
    }
}
