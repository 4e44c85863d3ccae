package io.mxcp.kernel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CommandOutputTest {

    @Test
    void writesThroughInTheTargetsCharsetUntilSilenced() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream target = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        CommandOutput output = CommandOutput.of(target);
        output.print("Zoë 🚀");
        output.write(new byte[] {'!', '\n'}, 0, 2);
        output.silence();
        output.println("Error: MXCP core bundle is not installed");
        output.flush();
        target.flush();
        assertEquals("Zoë 🚀!\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
