package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.Cli;
import io.mxcp.sdk.exec.CallNotifications;

/** {@code mxcp run} has no MCP client: an endpoint's progress and log messages go to the log, never to stdout. */
class RunNotificationsTest extends ProjectFolderTest {

    // held strongly: java.util.logging keeps loggers weakly, and the level set here must stay until the test ends
    private final Logger runtimeLogger = Logger.getLogger(LoggedNotifications.DEFAULT_LOGGER);
    private final Logger pluginLogger = Logger.getLogger("my.plugin");
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level runtimeLevel;
    private Level pluginLevel;

    @BeforeEach
    void captureLogs() {
        runtimeLevel = runtimeLogger.getLevel();
        pluginLevel = pluginLogger.getLevel();
        for (Logger logger : List.of(runtimeLogger, pluginLogger)) {
            logger.addHandler(capture);
            logger.setUseParentHandlers(false);
        }
    }

    @AfterEach
    void restoreLogs() {
        runtimeLogger.setLevel(runtimeLevel);
        pluginLogger.setLevel(pluginLevel);
        for (Logger logger : List.of(runtimeLogger, pluginLogger)) {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(true);
        }
    }

    @Test
    void progressAndMessagesAreLoggedAtTheirLevelsAndStdoutKeepsOnlyTheResult() {
        runtimeLogger.setLevel(Level.ALL);
        pluginLogger.setLevel(Level.ALL);
        project.result = "done";
        project.whileRunning = options -> {
            CallNotifications notifications = options.notifications();
            notifications.progress(1, 3.0, "loading rows");
            notifications.progress(2.5, null, null);
            notifications.log("debug", "mxcp.runtime", "details");
            notifications.log("info", "mxcp.runtime", "started");
            notifications.log("notice", null, "noted");
            notifications.log("warning", "mxcp.runtime", "careful");
            notifications.log("critical", "my.plugin", Map.of("rows", 3));
        };
        Cli.Outcome outcome = cli.run("run", "tool", "t", "--json-output");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals("{\n  \"status\": \"ok\",\n  \"result\": \"done\"\n}\n", outcome.out());
        assertEquals(List.of(
                "INFO mxcp.runtime: [cli progress] 1/3 loading rows",
                "INFO mxcp.runtime: [cli progress] 2.5",
                "FINE mxcp.runtime: details",
                "INFO mxcp.runtime: started",
                "INFO mxcp.runtime: noted",
                "WARNING mxcp.runtime: careful",
                "SEVERE my.plugin: {\"rows\":3}"), logged);
    }

    @Test
    void theLogLevelDecidesWhatIsShown() {
        runtimeLogger.setLevel(Level.WARNING);
        project.whileRunning = options -> {
            options.notifications().progress(1, 2.0, "half");
            options.notifications().log("info", "mxcp.runtime", "started");
            options.notifications().log("error", "mxcp.runtime", "failed");
        };
        cli.run("run", "tool", "t", "--json-output");
        assertEquals(List.of("SEVERE mxcp.runtime: failed"), logged);
    }
}
