package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.FakeProject;
import io.mxcp.cli.fakes.FakeServices;
import io.mxcp.cli.output.Terminal;
import io.mxcp.kernel.api.CommandStreams;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;

class CancelOnStopTest {
    private final FakeServices services = new FakeServices(new FakeProject(java.nio.file.Path.of(".")));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Terminal terminal = new Terminal(new CommandStreams(null,
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            false), Map.of());

    @Test
    void ctrlCCancelsTheCallIsTakenAndEndsTheCommandAsTheOriginal() {
        try (CancelOnStop stop = new CancelOnStop(services)) {
            assertFalse(stop.signal().isCancelled());
            assertTrue(services.signalHandlers.getFirst().handle(ProcessSignal.INTERRUPT),
                    "taken: the command ends the process itself");
            assertTrue(stop.signal().isCancelled());
            assertTrue(stop.stopped());
            assertEquals(1, stop.abort(terminal, false));
        }
        assertEquals("\nOperation cancelled by user\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("Aborted!\n", err.toString(StandardCharsets.UTF_8));
        assertTrue(services.signalHandlers.isEmpty(), "unregistered when the command ends");
    }

    @Test
    void sigtermCancelsTheCallButLeavesTheExitToTheKernelAndSighupDoesNothing() {
        try (CancelOnStop stop = new CancelOnStop(services)) {
            assertFalse(services.signalHandlers.getFirst().handle(ProcessSignal.HANGUP));
            assertFalse(stop.signal().isCancelled());
            assertFalse(services.signalHandlers.getFirst().handle(ProcessSignal.TERMINATE));
            assertTrue(stop.signal().isCancelled());
            assertEquals(143, stop.abort(terminal, true));
        }
        assertEquals("", out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCtrlCAfterTheWorkCommittedToItsResultLeavesTheResult() throws Exception {
        int code = CancelOnStop.run(services, terminal, false, stop -> {
            stop.commit();
            assertTrue(services.signalHandlers.getFirst().handle(ProcessSignal.INTERRUPT),
                    "taken, so the kernel does not stop the process under the report");
            assertFalse(stop.signal().isCancelled());
            terminal.out().print("the report");
            return 0;
        });
        assertEquals(0, code);
        assertEquals("the report", out.toString(StandardCharsets.UTF_8), "no message that it was cancelled");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void workCutShortEndsWithoutItsReportAndWhateverItThrew() throws Exception {
        int code = CancelOnStop.run(services, terminal, false, stop -> {
            services.signalHandlers.getFirst().handle(ProcessSignal.INTERRUPT);
            stop.checkNotStopped();
            terminal.out().print("the report");
            return 0;
        });
        assertEquals(1, code);
        assertEquals("\nOperation cancelled by user\n", out.toString(StandardCharsets.UTF_8));

        out.reset();
        assertEquals(1, CancelOnStop.run(services, terminal, true, stop -> {
            services.signalHandlers.getFirst().handle(ProcessSignal.INTERRUPT);
            throw new IllegalStateException("the query was interrupted");
        }), "a failure caused by the cancellation is not reported as one");
        assertEquals("", out.toString(StandardCharsets.UTF_8), "JSON mode prints no message on stdout");
    }

    @Test
    void workThatEndsOnItsOwnKeepsItsResultAndItsFailure() throws Exception {
        assertEquals(7, CancelOnStop.run(services, terminal, false, stop -> {
            stop.checkNotStopped();
            return 7;
        }));
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> CancelOnStop.run(services, terminal, false, stop -> {
                    throw new IllegalStateException("bad SQL");
                }));
        assertEquals("bad SQL", failure.getMessage());
        assertTrue(services.signalHandlers.isEmpty(), "unregistered when the command ends");
    }
}
