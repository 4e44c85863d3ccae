package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.Project;

/** A project with Python plugins or endpoints, served by a distribution without the Python executor, says so. */
class PythonPluginWarningTest {

    @TempDir
    Path dir;

    @Test
    void pluginsWithoutAPythonExecutorAreNamedWhenTheRuntimeStarts() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(DefaultProject.class.getName());
        Handler capture = WarningLog.into(warnings);
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", """
                project: demo
                profile: dev
                plugin:
                  - {name: util, module: util_plugin}
                """);
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> List.of()));
        logger.addHandler(capture);
        try (Project project = f.open()) {
            project.initializeRuntime();
            assertEquals(List.of("mxcp-site.yml declares the Python plugins [util], but no Python executor is installed"
                    + " (the mxcp-<version>-python distribution has it): their SQL functions do not exist"), warnings);

            warnings.clear();
            f.service.bindExecutor(new FakeExecutor("python", (source, args) -> List.of()));
            project.initializeRuntime();
            assertEquals(List.of(), warnings, "with the Python executor there is nothing to say");
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void pythonEndpointsWithoutAPythonExecutorAreNamedWhenTheRuntimeStarts() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(DefaultProject.class.getName());
        Handler capture = WarningLog.into(warnings);
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/stats.yml", "mxcp: 1\ntool:\n  name: stats\n  language: python\n"
                        + "  source: {file: ../python/stats.py}\n")
                .write("python/stats.py", "def stats():\n    return 1\n")
                .write("tools/count.yml", "mxcp: 1\ntool:\n  name: count\n  source: {code: \"SELECT 1\"}\n");
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> List.of()));
        logger.addHandler(capture);
        try (Project project = f.open()) {
            project.initializeRuntime();
            assertEquals(List.of("[tools/stats.yml] define Python endpoints, but no Python executor is installed (the "
                    + "mxcp-<version>-python distribution has it): their calls fail"), warnings);
        } finally {
            logger.removeHandler(capture);
        }
    }
}
