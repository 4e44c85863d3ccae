package io.mxcp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Python fixture project (src/test/resources/python-project) copied into a test's work folder, and an
 * mxcp of the Python distribution whose HOME holds the fixture's user config (secrets, plugin config).
 *
 * <p>The project: Python tools in python/calc.py (sync, async, dates/decimals, db.execute, secrets, user
 * context, request headers, a sleeping one, a raising one, one returning a non-JSON value and one returning a
 * value of the wrong type), an inline tool, a tool whose module has a syntax error, a tool without its function,
 * the Caesar-cipher plugin of spec 01 §8 under plugins/ and a SQL tool that calls its UDF; on_init/on_shutdown
 * hooks in calc.py; tools that reload the server through reload_duckdb in python/reloads.py.
 */
final class PythonProject {

    final Path project;
    final Mxcp mxcp;
    /** The user config the commands read (HOME's {@code .mxcp/config.yml}). */
    final Path userConfig;

    private PythonProject(Path project, Mxcp mxcp, Path userConfig) {
        this.project = project;
        this.mxcp = mxcp;
        this.userConfig = userConfig;
    }

    static PythonProject create(Class<?> testClass) {
        Path work = Distribution.freshWorkFolder(testClass);
        try {
            Path project = work.resolve("python-project");
            Trees.copy(Path.of(PythonProject.class.getResource("/python-project").toURI()), project);
            Path userHome = Files.createDirectories(work.resolve("home"));
            Files.createDirectories(userHome.resolve(".mxcp"));
            Path userConfig = Files.move(project.resolve("user-config.yml"), userHome.resolve(".mxcp/config.yml"));
            return new PythonProject(project, new Mxcp(home(), userHome), userConfig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The unpacked mxcp-VERSION-python.zip. */
    static Path home() {
        String value = System.getProperty("mxcp.it.pythonHome");
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property mxcp.it.pythonHome is not set (run the tests through mvn verify)");
        }
        Path home = Path.of(value).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin/mxcp"))) {
            throw new IllegalStateException("No bin/mxcp in " + home + ": was the Python distribution zip unpacked?");
        }
        return home;
    }

    private static final String EVENTS_LOG = "events.log";

    /** What the on_shutdown hook wrote (one line per runtime generation that ended). */
    String shutdownLog() {
        return projectFile("shutdown.log");
    }

    /** What the cancellable tools noted (started, interrupted), one {@code <event> <epoch seconds>} line each. */
    String events() {
        return projectFile(EVENTS_LOG);
    }

    /** Where the cancellable tools note their events; clients watch it to abort calls only once they run. */
    Path eventsFile() {
        return project.resolve(EVENTS_LOG);
    }

    /** A file the fixture's Python code writes in the project folder; empty until it does. */
    private String projectFile(String name) {
        Path file = project.resolve(name);
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
