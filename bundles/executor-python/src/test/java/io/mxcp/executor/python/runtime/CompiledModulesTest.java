package io.mxcp.executor.python.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.executor.python.project.PythonProject;

/**
 * A project's modules are compiled once and cached in {@code __pycache__} as CPython does, and an edited module is
 * compiled anew by the next interpreter rather than served from the cache.
 */
class CompiledModulesTest {

    private static Engine engine;

    @TempDir
    Path root;

    @BeforeAll
    static void startEngine() {
        engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void aModuleIsCachedCompiledAndAnEditedOneIsCompiledAgain() throws Exception {
        Path module = Files.createDirectories(root.resolve("python")).resolve("shout.py");
        Files.writeString(module, "def shout(text):\n    return text.upper()\n");
        assertEquals("HEY", callShout(module));
        List<String> cached = cachedFiles();
        assertEquals(1, cached.size(), cached.toString());
        assertTrue(cached.getFirst().matches("shout\\.graalpy.*\\.pyc"), cached.toString());

        Files.writeString(module, "def shout(text):\n    return text.lower() + '!'\n");
        assertEquals("hey!", callShout(module));
    }

    /** Calls {@code shout("Hey")} in an interpreter of its own, as each `mxcp run` and each reload has. */
    private String callShout(Path module) throws PythonException {
        PythonProject project = new PythonProject(root, "default", Map.of(), Map.of(), List.of(), root.resolve("python"),
                root.resolve("plugins"));
        ValueCodec codec = new ValueCodec();
        PythonRuntime runtime = PythonRuntime.start(engine, project, codec);
        try {
            runtime.begin(project, new HostBridge((sql, params) -> "[]", () -> null, function -> null, codec));
            return (String) runtime.call(runtime.function(runtime.module(module), "tool", "shout", module),
                    Map.of("text", "Hey"), "{}");
        } finally {
            runtime.close();
        }
    }

    private List<String> cachedFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("python/__pycache__"))) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
