package io.mxcp.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class LogRecordTextTest {

    /** What a caller sent as a parameter, quoted back by DuckDB's conversion error. */
    private static final String FORGED = "Could not convert string 'x\n2026-11-29 16:30:00 - INFO - BearerGate - user "
            + "admin signed in\r\n\u001b[1A\u001b[2K' to INT32";

    @Test
    void aCallersLineBreaksCannotStartARecordAndItsEscapesReachNoTerminal() {
        assertEquals("Could not convert string 'x | 2026-11-29 16:30:00 - INFO - BearerGate - user admin signed in | "
                + "\\x1b[1A\\x1b[2K' to INT32", LogRecordText.message(FORGED));
    }

    @Test
    void unicodeLineSeparatorsAndBidirectionalOverridesAreNoExceptions() {
        assertEquals("a | b | c", LogRecordText.message("a\u2028b\u0085c"));
        assertEquals("file \\u202etxt.exe and \\x00", LogRecordText.message("file \u202etxt.exe and \u0000"));
    }

    @Test
    void anOrdinaryMessageIsKeptAsItIsTabsAndUnicodeIncluded() {
        String plain = "tools/call\tgreet failed: Zoë's 🚀 name";
        assertEquals(plain, LogRecordText.message(plain));
        assertEquals(null, LogRecordText.message(null));
    }

    @Test
    void everyTraceLineButTheFirstStartsIndentedOrAsACause() {
        Exception failure = new IllegalStateException("call failed", new SQLException(FORGED));
        String[] lines = LogRecordText.trace(failure).split("\\R");
        assertEquals("java.lang.IllegalStateException: call failed", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith("\t") || lines[i].startsWith("Caused by: "), lines[i]);
            assertTrue(lines[i].indexOf('\u001b') < 0, lines[i]);
        }
        String trace = String.join("\n", lines);
        assertTrue(trace.contains("Caused by: java.sql.SQLException: Could not convert string 'x\n"
                + "\t2026-11-29 16:30:00 - INFO - BearerGate - user admin signed in\n\t\\x1b[1A\\x1b[2K' to INT32"), trace);
    }
}
