package io.mxcp.mcp.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.mxcp.mcp.internal.LogLines;

class AcceptRaceAtStopTest {

    @Test
    void xniosAcceptRaceIsLeftOutWhileTheServerStopsAndOtherErrorsAreNot() {
        Logger listener = Logger.getLogger("org.xnio.listener");
        Logger nio = Logger.getLogger("org.xnio.nio");
        try (LogLines listenerLines = LogLines.of("org.xnio.listener");
                LogLines nioLines = LogLines.of("org.xnio.nio")) {
            try (AcceptRaceAtStop quiet = AcceptRaceAtStop.hold()) {
                listener.log(Level.SEVERE, "XNIO001009: Failed to accept a connection", new ClosedChannelException());
                nio.log(Level.SEVERE, "XNIO000011: Task failed with an exception",
                        new RejectedExecutionException("XNIO007007: Thread is terminating"));
                nio.log(Level.SEVERE, "XNIO000011: Task failed with an exception", new IllegalStateException("bug"));
            }
            listener.log(Level.SEVERE, "XNIO001009: Failed to accept a connection", new ClosedChannelException());
            assertEquals(List.of("SEVERE XNIO000011: Task failed with an exception"), nioLines.lines());
            assertEquals(List.of("SEVERE XNIO001009: Failed to accept a connection"), listenerLines.lines(),
                    "after the stop, the logger is as it was");
        }
        assertNull(listener.getFilter());
        assertNull(nio.getFilter());
    }
}
