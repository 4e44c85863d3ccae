package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.Project;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointExecutor;
import io.mxcp.sdk.exec.ExecutorSession;
import io.mxcp.sdk.exec.ProjectRuntime;

/** A project with Python plugins or endpoints, served by a distribution without the Python executor, says so. */
class PythonPluginWarningTest {

    @TempDir
    Path dir;

    @Test
    void pluginsWithoutAPythonExecutorAreNamedWhenTheRuntimeStarts() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", """
                project: demo
                profile: dev
                plugin:
                  - {name: util, module: util_plugin}
                """);
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> List.of()));
        try (WarningLog log = WarningLog.of(DefaultProject.class); Project project = f.open()) {
            project.initializeRuntime();
            assertEquals(List.of("mxcp-site.yml declares the Python plugins [util], but no Python executor is installed"
                    + " (the mxcp-<version>-python distribution has it): their SQL functions do not exist"),
                    log.warnings());

            log.warnings().clear();
            f.service.bindExecutor(new FakeExecutor("python", (source, args) -> List.of()));
            project.initializeRuntime();
            assertEquals(List.of(), log.warnings(), "with the Python executor there is nothing to say");
        }
    }

    /** A stop signal during the start removes the executors while their sessions open: no Python is missing then. */
    @Test
    void thePythonExecutorLeavingWhileTheRuntimeStartsIsNoMissingPython() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/stats.yml", "mxcp: 1\ntool:\n  name: stats\n  language: python\n"
                        + "  source: {file: ../python/stats.py}\n")
                .write("python/stats.py", "def stats():\n    return 1\n");
        FakeExecutor python = new FakeExecutor("python", (source, args) -> List.of());
        FakeExecutor sql = new FakeExecutor("sql", (source, args) -> List.of());
        EndpointExecutor sqlOpenedAsTheStopBegins = new EndpointExecutor() {
            @Override
            public String language() {
                return "sql";
            }

            @Override
            public ExecutorSession open(ProjectRuntime runtime) throws EndpointExecutionException {
                f.service.unbindExecutor(python); // sql's session opens first, then python's would
                return sql.open(runtime);
            }
        };
        f.service.bindExecutor(python);
        f.service.bindExecutor(sqlOpenedAsTheStopBegins);
        try (WarningLog log = WarningLog.of(DefaultProject.class); Project project = f.open()) {
            project.initializeRuntime();
            assertEquals(List.of(), log.warnings());
        }
    }

    @Test
    void pythonEndpointsWithoutAPythonExecutorAreNamedWhenTheRuntimeStarts() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/stats.yml", "mxcp: 1\ntool:\n  name: stats\n  language: python\n"
                        + "  source: {file: ../python/stats.py}\n")
                .write("python/stats.py", "def stats():\n    return 1\n")
                .write("tools/count.yml", "mxcp: 1\ntool:\n  name: count\n  source: {code: \"SELECT 1\"}\n");
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> List.of()));
        try (WarningLog log = WarningLog.of(DefaultProject.class); Project project = f.open()) {
            project.initializeRuntime();
            assertEquals(List.of("[tools/stats.yml] define Python endpoints, but no Python executor is installed (the "
                    + "mxcp-<version>-python distribution has it): their calls fail"), log.warnings());
        }
    }
}
