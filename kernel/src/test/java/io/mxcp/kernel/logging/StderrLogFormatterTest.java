package io.mxcp.kernel.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class StderrLogFormatterTest {
    private final StderrLogFormatter formatter = new StderrLogFormatter();

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("io.mxcp.mcp.internal.protocol.EndpointMethods");
        record.setParameters(parameters);
        record.setInstant(Instant.parse("2026-01-02T03:04:05.678Z"));
        return record;
    }

    @Test
    void aMessageOfSeveralLinesStaysOnTheRecordsLine() {
        String error = "Binder Error: Referenced column \"nme\" not found\n\nLINE 1: SELECT nme FROM t\n"
                + "               ^";
        String line = formatter.format(record(Level.WARNING, "{0} {1} failed: {2}", "tools/call", "users", error));
        String time = LocalTime.ofInstant(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneId.systemDefault())
                .toString();
        assertEquals(time + " WARN [EndpointMethods] tools/call users failed: Binder Error: Referenced column "
                + "\"nme\" not found | LINE 1: SELECT nme FROM t | ^" + System.lineSeparator(), line);
    }

    @Test
    void aCallersTextCannotForgeARecordOrReachTheTerminal() {
        String line = formatter.format(record(Level.WARNING, "tools/call {0} failed", "x\n03:04:05.000 INFO [Gate] admin\u001b[2J"));
        assertTrue(line.endsWith("tools/call x | 03:04:05.000 INFO [Gate] admin\\x1b[2J failed" + System.lineSeparator()), line);
    }

    @Test
    void aStackTraceStillFollowsOnItsOwnLines() {
        LogRecord record = record(Level.SEVERE, "Tool x failed unexpectedly");
        record.setThrown(new IllegalStateException("boom"));
        String[] lines = formatter.format(record).split("\\R");
        assertTrue(lines[0].endsWith("ERROR [EndpointMethods] Tool x failed unexpectedly"), lines[0]);
        assertEquals("java.lang.IllegalStateException: boom", lines[1]);
        assertTrue(lines[2].strip().startsWith("at "), lines[2]);
    }

    @Test
    void aClassesLoggerIsNamedByTheClassAndAnyOtherByItsWholeName() {
        assertEquals("EndpointMethods", StderrLogFormatter.shortName("io.mxcp.mcp.internal.protocol.EndpointMethods"));
        assertEquals("org.apache.felix.scr", StderrLogFormatter.shortName("org.apache.felix.scr"));
        assertEquals("mylib.sub", StderrLogFormatter.shortName("mylib.sub"), "a Python logger");
        assertEquals("root", StderrLogFormatter.shortName("root"));
        assertEquals("", StderrLogFormatter.shortName(null));
    }
}
