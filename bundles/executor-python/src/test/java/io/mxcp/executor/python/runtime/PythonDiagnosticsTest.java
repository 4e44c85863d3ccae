package io.mxcp.executor.python.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.executor.python.project.PythonProject;

/**
 * What endpoint and plugin code log with Python's {@code logging} reaches the server's log at the server's level;
 * a failure names its place as a file of the project or by its import path, never where the server installed it.
 */
class PythonDiagnosticsTest {

    private static final Logger SERVER_LOG = Logger.getLogger("io.mxcp.executor.python");

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                logged.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TempDir
    Path root;
    @TempDir
    Path outside;
    private Engine engine;
    private PythonRuntime runtime;
    private PythonProject project;
    private final ValueCodec codec = new ValueCodec();

    @BeforeEach
    void start() throws Exception {
        SERVER_LOG.addHandler(capture);
        SERVER_LOG.setLevel(Level.WARNING);
        engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build();
        Path python = Files.createDirectories(root.resolve("python"));
        Files.writeString(python.resolve("chatty.py"), """
                import logging

                log = logging.getLogger("chatty")

                def chatty():
                    log.debug("debugged")
                    log.info("informed")
                    log.warning("warned %d times", 2)
                    try:
                        1 / 0
                    except ZeroDivisionError:
                        log.exception("divided")
                    return "done"
                """);
        Files.writeString(python.resolve("parse.py"), """
                import json

                def parse():
                    return json.loads("{")
                """);
        Files.createDirectories(root.resolve("plugins/broken"));
        Files.writeString(root.resolve("plugins/broken/__init__.py"), """
                def find_codec():
                    raise LookupError("no such codec is supported")

                find_codec()
                """);
        project = new PythonProject(root, "default", Map.of(), Map.of(), List.of(), python, root.resolve("plugins"));
        runtime = PythonRuntime.start(engine, project, codec);
    }

    @AfterEach
    void stop() {
        runtime.close();
        engine.close();
        SERVER_LOG.removeHandler(capture);
        SERVER_LOG.setLevel(null);
    }

    @Test
    void recordsReachTheServerLogAtItsLevelAndALaterGenerationTakesANewLevel() throws Exception {
        begin();
        assertEquals("done", callChatty());
        assertEquals(2, logged.size(), logged.toString());
        assertEquals("WARNING chatty: warned 2 times", logged.get(0));
        assertTrue(logged.get(1).startsWith("SEVERE chatty: divided\nTraceback (most recent call last):"), logged.get(1));
        assertTrue(logged.get(1).endsWith("ZeroDivisionError: division by zero"), logged.get(1));

        // a reload under --debug: the same interpreter, a new generation
        runtime.end();
        logged.clear();
        SERVER_LOG.setLevel(Level.FINE);
        begin();
        callChatty();
        assertEquals(List.of("FINE chatty: debugged", "INFO chatty: informed", "WARNING chatty: warned 2 times"),
                logged.subList(0, 3));
    }

    @Test
    void aPluginThatFailsToImportIsNamedWithItsExceptionsTypeAndPlace() {
        begin();
        PythonException failure = assertThrows(PythonException.class, () -> runtime.loadPlugins(List.of(
                Map.of("name", "broken_one", "module", "broken", "config", Map.of()))));
        assertEquals("Failed to import plugin module broken: no such codec is supported (LookupError at "
                + "plugins/broken/__init__.py:2 in find_codec)", failure.failure().text());
        assertTrue(printed(failure).contains("Caused by: LookupError: no such codec is supported" + System.lineSeparator()
                + "\tat <python>.find_codec(plugins/broken/__init__.py:2)"), printed(failure));
    }

    @Test
    void aFailureInALibraryIsPlacedByItsImportPathAndOneInTheProjectByItsProjectPath() throws Exception {
        begin();
        Path module = root.resolve("python/parse.py");
        PythonException failure = assertThrows(PythonException.class,
                () -> runtime.call(runtime.function(runtime.module(module), "tool", "parse", module), Map.of(), "{}"));
        assertEquals("JSONDecodeError", failure.failure().type());
        assertTrue(failure.failure().where().matches(
                "json/decoder\\.py:\\d+ in raw_decode, called from python/parse\\.py:4 in parse"),
                failure.failure().where());

        // a package folder reached through a symbolic link, as venvs and release folders often are
        Path installed = Files.createDirectories(outside.resolve("venv/lib/python3.12/site-packages/faulty"));
        Files.writeString(installed.resolve("__init__.py"), "def fail():\n    raise ValueError('no')\n");
        Files.createSymbolicLink(root.resolve("python/faulty"), installed);
        Files.writeString(root.resolve("python/use_faulty.py"), "import faulty\n\ndef use_faulty():\n    faulty.fail()\n");
        Path user = root.resolve("python/use_faulty.py");
        PythonException linked = assertThrows(PythonException.class,
                () -> runtime.call(runtime.function(runtime.module(user), "tool", "use_faulty", user), Map.of(), "{}"));
        assertEquals("faulty/__init__.py:2 in fail, called from python/use_faulty.py:4 in use_faulty",
                linked.failure().where());
        assertTrue(printed(linked).contains("Caused by: ValueError: no" + System.lineSeparator()
                + "\tat <python>.fail(faulty/__init__.py:2)" + System.lineSeparator()
                + "\tat <python>.use_faulty(python/use_faulty.py:4)" + System.lineSeparator()), printed(linked));

        Path broken = root.resolve("python/broken.py");
        Files.writeString(broken, "def broken(:\n");
        PythonException syntax = assertThrows(PythonException.class, () -> runtime.module(broken));
        assertEquals("python/broken.py:1", syntax.failure().where());
        assertFalse(syntax.getMessage().contains("line 1"), "the place once: " + syntax.getMessage());
        assertEquals("\tat <python>.<module>(python/broken.py:1)", printed(syntax).lines()
                .filter(line -> line.contains("<python>")).findFirst().orElseThrow(), printed(syntax));
    }

    @Test
    void anExceptionRaisedFromAnotherCarriesItAsItsCause() throws Exception {
        begin();
        Path module = Files.writeString(root.resolve("python/wrap.py"), """
                def wrap():
                    try:
                        {}["k"]
                    except KeyError as e:
                        raise RuntimeError("wrapped") from e

                def empty():
                    raise RuntimeError()
                """);
        PythonException failure = assertThrows(PythonException.class,
                () -> runtime.call(runtime.function(runtime.module(module), "tool", "wrap", module), Map.of(), "{}"));
        assertEquals("wrapped (RuntimeError at python/wrap.py:5 in wrap)", failure.getMessage());
        assertEquals("KeyError", failure.failure().cause().type());
        String n = System.lineSeparator();
        assertTrue(printed(failure).contains("Caused by: RuntimeError: wrapped" + n + "\tat <python>.wrap(python/wrap.py:5)"
                + n + "Caused by: KeyError: 'k'" + n + "\tat <python>.wrap(python/wrap.py:3)" + n), printed(failure));

        PythonException empty = assertThrows(PythonException.class,
                () -> runtime.call(runtime.function(runtime.module(module), "tool", "empty", module), Map.of(), "{}"));
        assertEquals("RuntimeError (at python/wrap.py:8 in empty)", empty.getMessage());
    }

    @Test
    void anExceptionGroupShowsItsMembersAndARunawayRecursionIsCutShort() throws Exception {
        begin();
        Path module = Files.writeString(root.resolve("python/many.py"), """
                def fail_twice():
                    raise ExceptionGroup("several", [ValueError("first"), KeyError("second")])

                def recurse(n):
                    if n == 0:
                        raise RuntimeError("deep")
                    return recurse(n - 1)

                def deep():
                    return recurse(50)
                """);
        Value functions = runtime.module(module);
        PythonException group = assertThrows(PythonException.class, () -> runtime.call(
                runtime.function(functions, "tool", "fail_twice", module), Map.of(), "{}"));
        String n = System.lineSeparator();
        assertTrue(printed(group).contains("Suppressed: ValueError: first" + n), printed(group));
        assertTrue(printed(group).contains("Suppressed: KeyError: 'second'" + n), printed(group));

        PythonException deep = assertThrows(PythonException.class, () -> runtime.call(
                runtime.function(functions, "tool", "deep", module), Map.of(), "{}"));
        List<String> frames = printed(deep).lines().filter(line -> line.contains("<python>.recurse")).toList();
        assertEquals(4, frames.size(), "the raising frame and three of the 50 calling ones: " + printed(deep));
        assertEquals("\tat <python>.recurse [repeated 47 more times](python/many.py:7)", frames.get(1), printed(deep));
        assertEquals("python/many.py:6 in recurse", deep.failure().where());
    }

    @Test
    void anEditedModuleIsNamedAsRunningItsImportedCodeUntilTheServerRestarts() throws Exception {
        begin();
        Path module = Files.writeString(root.resolve("python/edited.py"), "def first():\n    return 1\n");
        runtime.module(module);
        assertFalse(runtime.changedSinceImport(module));
        runtime.end();
        Files.writeString(module, "def first():\n    return 2\n\ndef second():\n    return 3\n");
        Files.setLastModifiedTime(module, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        begin();
        assertTrue(runtime.changedSinceImport(module));
        assertEquals(List.of("python/edited.py"), runtime.changedModules());
        assertEquals(List.of(), runtime.changedModules(), "named once, not again at each later reload");
        assertEquals(null, runtime.function(runtime.module(module), "tool", "second", module), "the code as imported");
    }

    @Test
    void badArgumentsOfDbExecuteAreNamedWhereTheEndpointPassedThem() throws Exception {
        begin();
        Path module = Files.writeString(root.resolve("python/queries.py"), """
                from mxcp.runtime import db

                def odd_parameter():
                    return db.execute("SELECT $n AS n", {"n": object()})

                def no_text():
                    return db.execute(123)

                def odd_result():
                    return object()

                def nested_parameter():
                    return db.execute("SELECT 1", {"n": {"a": [1, object()]}})

                def extra_argument():
                    return db.execute("SELECT 1", {}, 5)
                """);
        Value functions = runtime.module(module);
        PythonException parameter = assertThrows(PythonException.class, () -> runtime.call(
                runtime.function(functions, "tool", "odd_parameter", module), Map.of(), "{}"));
        assertEquals("db.execute() parameter 'n' is a value of type 'object', which is not JSON-like (None, bool, int, "
                + "float, str, bytes, Decimal, UUID, date/time, list, tuple, set, dict) (TypeError at "
                + "python/queries.py:4 in odd_parameter)", parameter.getMessage());
        PythonException sql = assertThrows(PythonException.class, () -> runtime.call(
                runtime.function(functions, "tool", "no_text", module), Map.of(), "{}"));
        assertEquals("db.execute() takes the SQL as a str, not int", sql.failure().message());
        PythonException result = assertThrows(PythonException.class, () -> runtime.call(
                runtime.function(functions, "tool", "odd_result", module), Map.of(), "{}"));
        assertEquals("UnsupportedResult", result.failure().type(), "the result's failure, not the code's");
        assertTrue(result.failure().message().startsWith("returned a value of type 'object', which is not JSON-like"),
                result.failure().message());
        PythonException nested = assertThrows(PythonException.class, () -> runtime.call(
                runtime.function(functions, "tool", "nested_parameter", module), Map.of(), "{}"));
        assertTrue(nested.failure().message().startsWith("db.execute() parameter 'n' is a dict holding a value of type "
                + "'object'"), nested.failure().message());
        PythonException extra = assertThrows(PythonException.class, () -> runtime.call(
                runtime.function(functions, "tool", "extra_argument", module), Map.of(), "{}"));
        assertTrue(extra.failure().message().startsWith("db.execute() takes "), "named as endpoint code knows it: "
                + extra.failure().message());
    }

    @Test
    void failingHooksAndModulesThatDoNotPreloadAreNamedWithTheirPythonFrames() throws Exception {
        Files.writeString(root.resolve("python/hooks.py"), """
                from mxcp.runtime import on_init

                @on_init
                def warm_cache():
                    raise ValueError("cache is cold")
                """);
        Files.writeString(root.resolve("python/typo.py"), "def typo(:\n");
        begin();
        List<NamedFailure> preload = runtime.preload();
        assertEquals(1, preload.size(), preload.toString());
        assertTrue(preload.get(0).toString().startsWith("python/typo.py: "), preload.toString());
        assertTrue(preload.get(0).toString().endsWith("(SyntaxError at python/typo.py:1)"), preload.toString());

        List<NamedFailure> hooks = runtime.runHooks(true);
        assertEquals(1, hooks.size(), hooks.toString());
        assertEquals("warm_cache: cache is cold (ValueError at python/hooks.py:5 in warm_cache)", hooks.get(0).toString());
        assertTrue(printed(hooks.get(0).error()).contains("\tat <python>.warm_cache(python/hooks.py:5)"),
                printed(hooks.get(0).error()));
    }

    private static String printed(Throwable failure) {
        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        return printed.toString();
    }

    @Test
    void argumentsTheFunctionDoesNotTakeAreNamedAsPythonNamesThem() throws Exception {
        begin();
        Path module = Files.writeString(root.resolve("python/takes_one.py"), """
                def takes_one(a):
                    return a

                def strict(a):
                    raise TypeError("strict() wants a string")
                """);
        Value functions = runtime.module(module);
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("a", 1);
        arguments.put("b", 2);
        arguments.put("c", 3);
        PythonException unexpected = assertThrows(PythonException.class, () -> runtime.call(
                runtime.function(functions, "tool", "takes_one", module), arguments, "{}"));
        assertEquals("takes_one() got an unexpected keyword argument 'b'", unexpected.failure().message());
        assertEquals("TypeError", unexpected.failure().type());

        PythonException raised = assertThrows(PythonException.class, () -> runtime.call(
                runtime.function(functions, "tool", "strict", module), Map.of("a", 1), "{}"));
        assertEquals("strict() wants a string", raised.failure().message(), "a TypeError of the function's own");
        assertEquals("python/takes_one.py:5 in strict", raised.failure().where());
    }

    private void begin() {
        runtime.begin(project, new HostBridge((sql, params) -> "[]", () -> null, function -> null, codec));
    }

    private Object callChatty() throws PythonException {
        Path module = root.resolve("python/chatty.py");
        return runtime.call(runtime.function(runtime.module(module), "tool", "chatty", module), Map.of(), "{}");
    }
}
