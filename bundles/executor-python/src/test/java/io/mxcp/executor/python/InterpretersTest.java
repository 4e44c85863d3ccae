package io.mxcp.executor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mxcp.executor.python.project.PythonProject;
import io.mxcp.executor.python.runtime.HostBridge;
import io.mxcp.executor.python.runtime.PythonException;
import io.mxcp.executor.python.runtime.PythonRuntime;
import io.mxcp.executor.python.runtime.ValueCodec;

/**
 * A project's interpreter carries over from one runtime generation to the next as the original's Python process
 * does (spec 01 §5.3, §5.8): its modules are not imported again, their state persists, the shutdown hooks run at a
 * generation's end and the init hooks again at the next one's start. {@link Interpreters} keeps one idle
 * interpreter per project.
 */
class InterpretersTest {

    private static final ValueCodec CODEC = new ValueCodec();

    private static Engine engine;
    private static PythonProject project;
    private static Path module;

    @BeforeAll
    static void startEngine() throws URISyntaxException {
        Path root = Path.of(InterpretersTest.class.getResource("generations").toURI());
        module = root.resolve("python/counting.py");
        project = new PythonProject(root, "default", Map.of(), Map.of(), List.of(), root.resolve("python"),
                root.resolve("plugins"));
        engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    /** Begins a generation as a session does: bridge, preload, init hooks. */
    private static void begin(PythonRuntime interpreter) {
        interpreter.begin(project, new HostBridge((sql, params) -> "[]", () -> null, function -> null, CODEC));
        assertEquals(List.of(), interpreter.preload());
        assertEquals(List.of(), interpreter.runHooks(true));
    }

    private static Object counts(PythonRuntime interpreter) throws PythonException {
        return interpreter.call(interpreter.function(interpreter.module(module), "tool", "counts", module), Map.of(),
                "{}");
    }

    private static boolean open(PythonRuntime interpreter) {
        try {
            interpreter.module(module);
            return true;
        } catch (PythonException | IllegalStateException closed) {
            return false;
        }
    }

    @Test
    void theNextGenerationImportsNothingAgainAndRunsTheInitHooksAgain() throws Exception {
        PythonRuntime interpreter = PythonRuntime.start(engine, project, CODEC);
        try {
            begin(interpreter);
            assertEquals(Map.of("imports", 1L, "inits", 1L, "shutdowns", 0L), counts(interpreter));
            assertEquals(List.of(), interpreter.end());

            begin(interpreter);
            assertEquals(Map.of("imports", 1L, "inits", 2L, "shutdowns", 1L), counts(interpreter));
        } finally {
            interpreter.close();
        }
    }

    @Test
    void oneIdleInterpreterPerProjectIsKeptUntilTheExecutorCloses() {
        Interpreters interpreters = new Interpreters();
        assertNull(interpreters.take(project), "none before a generation ended");
        PythonRuntime first = PythonRuntime.start(engine, project, CODEC);
        PythonRuntime beside = PythonRuntime.start(engine, project, CODEC);

        interpreters.giveBack(project, first);
        interpreters.giveBack(project, beside);
        assertFalse(open(beside), "a second idle interpreter of the project is closed");
        assertSame(first, interpreters.take(project));
        assertNull(interpreters.take(project), "taken: no longer idle");

        interpreters.giveBack(project, first);
        interpreters.close();
        assertFalse(open(first), "the idle ones close with the executor");
        PythonRuntime late = PythonRuntime.start(engine, project, CODEC);
        interpreters.giveBack(project, late);
        assertFalse(open(late), "handed back after the close: closed at once");
    }
}
