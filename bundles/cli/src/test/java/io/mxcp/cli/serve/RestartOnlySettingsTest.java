package io.mxcp.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.FakeProject;

class RestartOnlySettingsTest {

    private final Logger logger = Logger.getLogger(RestartOnlySettings.class.getName());
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(new java.util.logging.SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    @Test
    void aReloadSaysWhichSettingsItCannotApply() {
        FakeProject before = project(List.of("mcp.read"), 8000);

        RestartOnlySettings.warnOfChanges(before, project(List.of("mcp.read"), 8000));
        assertEquals(List.of(), warnings, "nothing changed");

        RestartOnlySettings.warnOfChanges(before, project(List.of("mcp.write"), 9000));
        assertEquals(List.of("The auth settings changed; they apply when the server is restarted",
                "The transport settings changed; they apply when the server is restarted"),
                warnings.stream().sorted().toList());
    }

    private static FakeProject project(List<String> requiredScopes, int port) {
        FakeProject project = new FakeProject(Path.of("."));
        project.userConfig = Map.of(
                "transport", Map.of("http", Map.of("port", port)),
                "projects", Map.of("demo", Map.of("profiles", Map.of("default", Map.of("auth", Map.of(
                        "provider", "oidc", "authorization", Map.of("required_scopes", requiredScopes)))))));
        return project;
    }
}
