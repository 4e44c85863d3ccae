package io.mxcp.executor.python.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.executor.python.project.PythonProject;
import io.mxcp.sdk.exec.ExecutionContext;
import io.mxcp.sdk.exec.ReloadPayload;
import io.mxcp.sdk.exec.ServerReload;

/**
 * {@code mxcp.runtime.reload_duckdb} on GraalPy: it hands the server a payload that runs the Python function in the
 * interpreter that defined it, after its generation ended; an interpreter closed meanwhile closes once the payload
 * is released; without a server it raises the original's error. What a payload or a call writes to a file it
 * leaves open is on disk when it returns, as CPython's reference counting would have it.
 */
class ReloadDuckdbTest {

    /** A server that only records the reloads asked of it. */
    private static final class RecordingServer implements ServerReload {
        final List<String> descriptions = new ArrayList<>();
        final List<ReloadPayload> payloads = new ArrayList<>();

        @Override
        public void request(String description, ReloadPayload payload) {
            descriptions.add(description);
            payloads.add(payload);
        }
    }

    private record Call(Optional<ServerReload> serverReload) implements AnonymousCall {
    }

    private static final Set<String> WRITING = Set.of("reload_writing", "write_unclosed");

    private static Engine engine;
    private static Path root;
    private static Path module;

    @TempDir
    Path work;
    private volatile ExecutionContext current;
    private PythonRuntime runtime;

    @BeforeAll
    static void startEngine() throws URISyntaxException {
        root = Path.of(ReloadDuckdbTest.class.getResource("reloading").toURI());
        module = root.resolve("python/reloads.py");
        engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void startPython() {
        PythonProject project = new PythonProject(root, "default", Map.of(), Map.of(), List.of(), root.resolve("python"),
                root.resolve("plugins"));
        ValueCodec codec = new ValueCodec();
        AtomicReference<PythonRuntime> started = new AtomicReference<>();
        runtime = PythonRuntime.start(engine, project, codec);
        runtime.begin(project, new HostBridge((sql, params) -> "[]", () -> current,
                function -> started.get().payload(function), codec));
        started.set(runtime);
    }

    @AfterEach
    void stopPython() {
        runtime.close();
    }

    private Object call(String function, ExecutionContext context) throws PythonException {
        current = context;
        try {
            return runtime.call(runtime.function(runtime.module(module), "tool", function, module),
                    WRITING.contains(function) ? Map.of("target", work.resolve("marker").toString()) : Map.of(),
                    "{}");
        } finally {
            current = null;
        }
    }

    /** Whether Python code still runs in the runtime's context. */
    private boolean contextOpen() {
        try {
            runtime.module(module);
            return true;
        } catch (PythonException | IllegalStateException closed) {
            return false;
        }
    }

    @Test
    void thePayloadRunsInItsContextAfterTheShutdownAndTheContextClosesWhenItIsReleased() throws Exception {
        RecordingServer server = new RecordingServer();
        assertEquals("queued", call("reload_writing", new Call(Optional.of(server))));
        assertEquals(List.of("write the marker"), server.descriptions);
        ReloadPayload payload = server.payloads.get(0);
        assertNotNull(payload);
        Path marker = work.resolve("marker");
        assertFalse(Files.exists(marker), "reload_duckdb returns before the reload");

        assertEquals(List.of(), runtime.end());
        runtime.close();
        assertTrue(contextOpen(), "the context waits for the payload");
        payload.run();
        assertEquals("written by the payload", Files.readString(marker), "the closure still runs after the shutdown");

        payload.release();
        assertFalse(contextOpen(), "released, the context is closed");
    }

    @Test
    void whatACallWritesToAFileItLeavesOpenIsOnDiskWhenTheCallReturns() throws Exception {
        assertEquals("written", call("write_unclosed", new Call(Optional.empty())));
        assertEquals("written by the call", Files.readString(work.resolve("marker")));
    }

    @Test
    void aPayloadThatRaisesFailsWithThePythonError() throws Exception {
        RecordingServer server = new RecordingServer();
        call("reload_failing", new Call(Optional.of(server)));
        ReloadPayload payload = server.payloads.get(0);
        runtime.end();
        PythonException failure = assertThrows(PythonException.class, payload::run);
        assertEquals("the new database file is missing (ValueError at python/reloads.py:16 in replace_database)",
                failure.getMessage());
        payload.release();
    }

    @Test
    void withoutAPayloadTheServerGetsNoneAndTheContextClosesAtOnce() throws Exception {
        RecordingServer server = new RecordingServer();
        call("reload_plain", new Call(Optional.of(server)));
        assertEquals(List.of(""), server.descriptions);
        assertNull(server.payloads.get(0));
        runtime.end();
        runtime.close();
        assertFalse(contextOpen());
    }

    @Test
    void withoutAServerItRaisesTheOriginalsError() {
        PythonException failure = assertThrows(PythonException.class,
                () -> call("reload_plain", new Call(Optional.empty())));
        assertEquals("RuntimeError", failure.failure().type());
        assertEquals(HostBridge.NO_SERVER, failure.failure().message());
    }

    @Test
    void outsideACallItRaisesTheNoContextError() {
        PythonException failure = assertThrows(PythonException.class, () -> call("reload_plain", null));
        assertEquals("No execution context available - function not called from MXCP executor",
                failure.failure().message());
    }

    @Test
    void aPayloadThatIsNotCallableIsRefused() {
        RecordingServer server = new RecordingServer();
        PythonException failure = assertThrows(PythonException.class,
                () -> call("reload_with_a_string", new Call(Optional.of(server))));
        assertEquals("reload_duckdb: payload_func must be callable, got str", failure.failure().message());
        assertTrue(server.payloads.isEmpty());
    }
}
