package io.mxcp.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.FakeProject;
import io.mxcp.cli.fakes.LogCapture;

class RestartOnlySettingsTest {

    private LogCapture log;
    private List<String> warnings;

    @BeforeEach
    void captureLog() {
        log = LogCapture.of(RestartOnlySettings.class);
        warnings = log.messages();
    }

    @AfterEach
    void releaseLog() {
        log.close();
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
