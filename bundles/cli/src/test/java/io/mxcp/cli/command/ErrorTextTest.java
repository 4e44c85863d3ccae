package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mxcp.cli.output.Terminal;
import io.mxcp.kernel.api.CommandStreams;

class ErrorTextTest {

    private final PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private final Terminal terminal = new Terminal(new CommandStreams(null, sink, sink, false), Map.of());

    @Test
    void furtherLinesKeepTheirIndentationSoACaretStaysUnderItsCharacter() {
        String message = "Parser Error: syntax error at or near \"SELEC\"\n\nLINE 1: SELECT 1 FROM\n               ^  ";
        assertEquals("""
                    Error: Parser Error: syntax error at or near "SELEC"
                      LINE 1: SELECT 1 FROM
                                     ^
                """, ErrorText.indented("    ", message, terminal));
    }
}
