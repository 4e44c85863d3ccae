package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mxcp.cli.output.Terminal;
import io.mxcp.kernel.api.CommandStreams;

/** A command's failure as the user reads it. */
class ErrorReporterTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String reported(Throwable failure, boolean json) {
        out.reset();
        err.reset();
        Terminal terminal = new Terminal(new CommandStreams(null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false), Map.of());
        new ErrorReporter(terminal, json, false, false, Path.of("/work")).report(failure);
        return (json ? out : err).toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFileTheSystemRefusedSaysWhyNotOnlyWhich() {
        assertEquals("Error: Permission denied: /srv/p/drift/drift-default.json\nAborted!\n",
                reported(new AccessDeniedException("/srv/p/drift/drift-default.json"), false));
        String json = reported(new NoSuchFileException("/nope"), true);
        assertTrue(json.contains("\"No such file or directory: /nope\""), json);
    }

    @Test
    void aWrapperThatTookTheBarePathOverGetsTheReasonAfterIt() {
        IOException wrapped = new IOException("Cannot write /srv/p/mxcp-site.yml",
                new AccessDeniedException("/srv/p/mxcp-site.yml"));
        assertEquals("Error: Cannot write /srv/p/mxcp-site.yml: Permission denied\nAborted!\n",
                reported(wrapped, false));
        assertEquals("Error: Disk quota exceeded\nAborted!\n", reported(new IOException("Disk quota exceeded"), false),
                "other failures keep their words");
    }
}
