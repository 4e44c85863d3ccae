package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.Cli;

/** A project command applies the user config's {@code logging} block for as long as it runs. */
class CommandLoggingTest extends ProjectFolderTest {

    @Test
    void aCommandOpensTheConfiguredLogFileAndWarnsOfOneItCannotOpen() throws Exception {
        project.withTool("hello_world", "tools/hello-world.yml");
        project.userConfig.put("logging", Map.of("enabled", true, "path", "logs/mxcp.log", "level", "INFO",
                "max_bytes", 1000L, "backup_count", 2L));
        assertEquals(0, cli.run("list").exit());
        assertTrue(Files.exists(root.resolve("logs/mxcp.log")));

        Files.writeString(root.resolve("blocked"), "");
        project.userConfig.put("logging", Map.of("enabled", true, "path", "blocked/mxcp.log"));
        Cli.Outcome outcome = cli.run("list");
        assertEquals(0, outcome.exit());
        assertTrue(outcome.err().contains("Warning: Failed to setup file logging to blocked/mxcp.log: "),
                outcome.err());
    }
}
