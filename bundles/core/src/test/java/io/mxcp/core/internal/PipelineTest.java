package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.EndpointException.Reason;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ValidationResult;
import io.mxcp.core.model.EndpointKind;

class PipelineTest {

    @TempDir
    Path dir;

    private ProjectFixture f;

    @BeforeEach
    void project() throws Exception {
        f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\nextensions: [json]\n")
                .write("tools/add.yml", """
                        tool:
                          name: add
                          parameters: [{name: a, type: number}, {name: b, type: number}]
                          return: {type: number}
                          source: {code: "SELECT $a + $b AS s"}
                        """)
                .write("tools/sub/person.yml", """
                        tool:
                          name: person
                          parameters: [{name: id, type: integer, minimum: 1}]
                          return: {type: object, properties: {id: {type: integer}, born: {type: string, format: date}}}
                          source: {file: ../../sql/person.sql}
                          policies: {input: [{condition: "false", action: deny}]}
                        """)
                .write("sql/person.sql", "SELECT $id AS id, DATE '2000-01-31' AS born")
                .write("tools/echo.yml", """
                        tool:
                          name: echo
                          language: python
                          parameters: [{name: msg, type: string, default: hi}]
                          source: {file: ../python/tools.py}
                        """)
                .write("resources/item.yml", """
                        resource:
                          uri: "item://{item_id}"
                          parameters: [{name: item_id, type: string}]
                          return: {type: object}
                          source: {code: "SELECT $item_id AS id"}
                        """)
                .write("prompts/greet.yml", """
                        prompt:
                          name: greet
                          parameters: [{name: who, type: string}, {name: n, type: integer, default: 2}]
                          messages:
                            - {prompt: "You are kind.", role: system}
                            - {prompt: "Hello {{ who }} x{{ n }}{{ missing }}\\n", role: user, type: text}
                        """);
    }

    private static final CallOptions CLI = new CallOptions(null, Map.of(), null, false);

    private FakeExecutor sql() {
        return new FakeExecutor("sql", (source, args) -> switch (source.name()) {
            case "add", "plus" -> List.of(Map.of("s", ((Double) args.get("a")) + ((Double) args.get("b"))));
            case "person" -> List.of(ordered("id", args.get("id"), "born", LocalDateTime.of(2000, 1, 31, 0, 0)));
            case "item://{item_id}" -> List.of(Map.of("id", args.get("item_id")));
            default -> List.of();
        });
    }

    @Test
    void runsToolsThroughConversionShapingAndSerialization() throws Exception {
        FakeExecutor sql = sql();
        f.service.bindExecutor(sql);
        try (Project project = f.open()) {
            assertEquals(3.0, project.execute(EndpointKind.TOOL, "add", Map.of("a", "1", "b", 2), CLI));
            assertEquals(ordered("id", 5L, "born", "2000-01-31T00:00:00"),
                    project.execute(EndpointKind.TOOL, "person", Map.of("id", "5"), CLI));
            assertEquals("SELECT $id AS id, DATE '2000-01-31' AS born", sql.executed.get(1).code());
            assertEquals(dir.resolve("sql/person.sql").toRealPath(), sql.executed.get(1).file().toRealPath());
            assertEquals(Map.of("id", "7"), project.execute(EndpointKind.RESOURCE, "item://{item_id}", Map.of("item_id", 7), CLI));
            assertEquals("demo", sql.runtime.projectName());
            assertEquals(List.of(Map.of("name", "json")), sql.runtime.extensions());
            // the site file as loaded, whatever it says on disk later (a failed reload restarts with it)
            f.write("mxcp-site.yml", "project: demo\nprofile: dev\nplugin: [{name: p, module: m, config: gone}]\n");
            assertEquals(Map.of("project", "demo", "profile", "dev", "extensions", List.of("json")),
                    sql.runtime.siteFile());
            assertEquals(Map.of("duckdb.path", dir.resolve("data/db-dev.duckdb").toString(),
                    "drift.path", dir.resolve("drift/drift-dev.json").toString(),
                    "audit.path", dir.resolve("audit/logs-dev.jsonl").toString()),
                    sql.runtime.derivedProfileSettings());
        }
        assertEquals(List.of("open", "close"), sql.events);
    }

    @Test
    void aRenamedOrMovedEndpointIsFoundWhereItNowIs() throws Exception {
        f.service.bindExecutor(sql());
        String plus = "tool:\n  name: plus\n  parameters: [{name: a, type: number}, {name: b, type: number}]\n"
                + "  return: {type: number}\n  source: {code: \"SELECT $a + $b AS s\"}\n";
        try (Project project = f.open()) {
            assertEquals(3.0, project.execute(EndpointKind.TOOL, "add", Map.of("a", 1, "b", 2), CLI));
            f.write("tools/add.yml", plus);
            assertEquals(Reason.NOT_FOUND, assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "add", Map.of("a", 1, "b", 2), CLI)).reason());
            assertEquals(5.0, project.execute(EndpointKind.TOOL, "plus", Map.of("a", 2, "b", 3), CLI));
            java.nio.file.Files.delete(dir.resolve("tools/add.yml"));
            f.write("tools/moved/plus.yml", plus);
            assertEquals(7.0, project.execute(EndpointKind.TOOL, "plus", Map.of("a", 3, "b", 4), CLI));
        }
    }

    @Test
    void failuresCarryTheRightReason() throws Exception {
        f.service.bindExecutor(sql());
        try (Project project = f.open()) {
            EndpointException notFound = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "nope", Map.of(), CLI));
            assertEquals(Reason.NOT_FOUND, notFound.reason());
            assertEquals("Endpoint 'nope' not found in tools", notFound.getMessage());

            EndpointException invalid = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "person", Map.of("id", 0), CLI));
            assertEquals(Reason.INVALID_ARGUMENTS, invalid.reason());
            assertEquals("Error validating parameter 'id': Value must be >= 1.0", invalid.getMessage());

            EndpointException language = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "echo", Map.of(), CLI));
            assertEquals(Reason.EXECUTION_FAILED, language.reason());
            assertEquals("Language 'python' not supported. Available: ['sql']. No Python executor is installed: the "
                    + "mxcp-<version>-python distribution has it",
                    language.getMessage());
        }
    }

    @Test
    void outputValidationCanBeSkippedButShapingAlwaysApplies() throws Exception {
        f.service.bindExecutor(new FakeExecutor("sql", (s, a) -> List.of(Map.of("s", "not a number"))));
        try (Project project = f.open()) {
            EndpointException e = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "add", Map.of("a", 1, "b", 2), CLI));
            assertEquals("Output validation failed: Expected number, got str", e.getMessage());
            assertEquals(Reason.EXECUTION_FAILED, e.reason());
            assertEquals("not a number", project.execute(EndpointKind.TOOL, "add", Map.of("a", 1, "b", 2),
                    new CallOptions(null, Map.of(), null, true)));
        }
    }

    @Test
    void aResultFailingItsReturnTypeIsReportedWithWhatTheExecutorSaysProducedIt() throws Exception {
        f.write("tools/count.yml", """
                tool:
                  name: count
                  language: python
                  return: {type: integer}
                  source: {file: ../python/tools.py}
                """).write("python/tools.py", "def count(): return 'seven'\n");
        FakeExecutor python = new FakeExecutor("python", (s, a) -> "seven");
        python.origin = source -> Optional.of("function '" + source.name() + "' in python/tools.py");
        f.service.bindExecutor(python);
        f.service.bindExecutor(new FakeExecutor("sql", (s, a) -> List.of()));
        try (Project project = f.open()) {
            EndpointException wrongType = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "count", Map.of(), CLI));
            assertEquals("Output validation failed: Expected integer, got str"
                    + " (returned by function 'count' in python/tools.py)", wrongType.getMessage());
            assertEquals(Reason.EXECUTION_FAILED, wrongType.reason());

            EndpointException noRows = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "add", Map.of("a", 1, "b", 2), CLI));
            assertEquals("No results returned", noRows.getMessage(), "an executor naming no origin adds nothing");
        }
    }

    @Test
    void rendersPrompts() throws Exception {
        try (Project project = f.open()) {
            List<?> messages = (List<?>) project.execute(EndpointKind.PROMPT, "greet", Map.of("who", "Ann"), CLI);
            assertEquals(2, messages.size());
            Map<?, ?> user = (Map<?, ?>) messages.get(1);
            assertEquals("Hello Ann x2", user.get("prompt"));
            assertEquals("user", user.get("role"));
            assertNull(((Map<?, ?>) messages.get(0)).get("type"));
        }
    }

    @Test
    void swapsExecutorsAfterCallsInFlightEnd() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeExecutor v1 = new FakeExecutor("sql", (s, a) -> {
            started.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(Map.of("s", 1.0));
        });
        FakeExecutor v2 = new FakeExecutor("sql", (s, a) -> List.of(Map.of("s", 2.0)));
        f.service.bindExecutor(v1);
        try (Project project = f.open()) {
            CompletableFuture<Object> inFlight = CompletableFuture.supplyAsync(() -> call(project));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            f.service.bindExecutor(v2);
            CompletableFuture<Void> removal = CompletableFuture.runAsync(() -> f.service.unbindExecutor(v1));
            Thread.sleep(100);
            assertEquals(List.of("open"), v1.events, "v1's session stays open while its call runs");
            assertEquals(2.0, call(project), "new calls go to v2");
            release.countDown();
            assertEquals(1.0, inFlight.get(5, TimeUnit.SECONDS));
            removal.get(5, TimeUnit.SECONDS);
            assertEquals(List.of("open", "close"), v1.events);
        }
        assertEquals(List.of("open", "close"), v2.events);
    }

    private static Object call(Project project) {
        try {
            return project.execute(EndpointKind.TOOL, "add", Map.of("a", 1, "b", 2), CLI);
        } catch (EndpointException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void validatesEndpoints() throws Exception {
        f.service.bindExecutor(sql());
        f.write("tools/broken.yml", "tool:\n  name: broken\n  source: {code: \"BROKEN SQL\"}\n")
                .write("tools/nofile.yml", "tool:\n  name: nofile\n  source: {file: missing.sql}\n")
                .write("tools/folder.yml", "tool:\n  name: folder\n  source: {file: ../tools}\n")
                .write("tools/latin1.yml", "tool:\n  name: latin1\n  source: {file: latin1.sql}\n")
                .write("tools/inline.yml", "tool:\n  name: inline\n  language: python\n  source: {code: \"return 1\"}\n")
                .write("resources/unused.yml", "resource:\n  uri: \"x://fixed\"\n"
                        + "  parameters: [{name: b, type: string}, {name: a, type: string}]\n  source: {code: x}\n")
                .write("prompts/empty.yml", "prompt:\n  name: empty\n  messages: []\n")
                .write("prompts/loops.yml", "prompt:\n  name: loops\n  parameters: [{name: items, type: array}]\n  messages:\n"
                        + "    - prompt: \"{% set sep = ', ' %}{% for i in items %}{{ i.name | upper }}{{ sep }}{% endfor %}\"\n"
                        + "    - prompt: \"{{ user.name }} {{ items | join(sep) }} {% if extra is defined %}{{ x }}{% endif %}\"\n")
                .write("prompts/unicode.yml", "prompt:\n  name: unicode\n  parameters: [{name: größe, type: string}]\n"
                        + "  messages:\n    - prompt: \"{{ größe }}\"\n");
        Files.write(dir.resolve("tools/latin1.sql"), "SELECT 'Größe'".getBytes(StandardCharsets.ISO_8859_1));
        try (Project project = f.open()) {
            Map<String, String> byPath = new LinkedHashMap<>();
            for (ValidationResult r : project.validateAll()) {
                byPath.put(r.relativePath(), r.message());
            }
            assertEquals("Source code syntax validation failed: broken", byPath.get("tools/broken.yml"));
            assertEquals("Error resolving source code: [Errno 2] No such file or directory: '"
                    + dir.resolve("tools/missing.sql") + "'", byPath.get("tools/nofile.yml"));
            assertEquals("Error resolving source code: [Errno 21] Is a directory: '" + dir.resolve("tools") + "'",
                    byPath.get("tools/folder.yml"));
            EndpointException folder = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "folder", Map.of(), CLI));
            assertEquals("Source file is a folder: tools", folder.getMessage(), "named from the project's root");
            EndpointException missing = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "nofile", Map.of(), CLI));
            assertEquals("Source file not found: tools/missing.sql", missing.getMessage());
            assertEquals("Error resolving source code: '" + dir.resolve("tools/latin1.sql") + "' is not valid UTF-8: "
                    + "byte 0xf6 at line 1, column 11 cannot be decoded (save the file as UTF-8)",
                    byPath.get("tools/latin1.yml"));
            EndpointException latin1 = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "latin1", Map.of(), CLI));
            assertEquals("Source file tools/latin1.sql is not valid UTF-8: byte 0xf6 at line 1, column 11 cannot be "
                    + "decoded (save the file as UTF-8)", latin1.getMessage(), "not reported as missing");
            assertNull(byPath.get("prompts/unicode.yml"), "a parameter name of Unicode letters is one template variable");
            assertEquals("Python endpoints must specify source.file", byPath.get("tools/inline.yml"));
            assertTrue(byPath.get("tools/echo.yml").startsWith("Python source file not found: "));
            assertEquals("Resource parameter(s) ['a', 'b'] are not used in uri 'x://fixed'. Put them in the uri or make a 'tool:' instead.",
                    byPath.get("resources/unused.yml"));
            assertEquals("No messages found in prompt definition", byPath.get("prompts/empty.yml"));
            assertEquals("Message 1 uses undefined template variables: extra, sep, user, x", byPath.get("prompts/loops.yml"));
            assertEquals("Message 1 uses undefined template variables: missing", byPath.get("prompts/greet.yml"));
            assertNull(byPath.get("tools/add.yml"));
            assertNull(byPath.get("resources/item.yml"));
            assertEquals(null, project.validate(Path.of("tools/add.yml")).message());
            assertEquals("tools/add.yml", project.validate(dir.resolve("tools/add.yml")).relativePath());
        }
    }

    @Test
    void noEndpointsIsAValidationError() throws Exception {
        ProjectFixture empty = new ProjectFixture(dir.resolve("empty")).write("mxcp-site.yml", "project: e\nprofile: dev\n");
        try (Project project = empty.open()) {
            assertEquals(List.of(new ValidationResult("", "No endpoints found")), project.validateAll());
        }
    }

    @Test
    void initializeRuntimeOpensSessionsNow() throws Exception {
        FakeExecutor sql = sql();
        f.service.bindExecutor(sql);
        try (Project project = f.open()) {
            assertEquals(List.of(), sql.events);
            project.initializeRuntime();
            assertEquals(List.of("open"), sql.events);
        }
    }

    @Test
    void reopenKeepsTheLoadedConfigurationAndStartsAFreshRuntime() throws Exception {
        FakeExecutor sql = sql();
        f.service.bindExecutor(sql);
        Project first = f.open();
        first.initializeRuntime();
        f.write("mxcp-site.yml", "project: renamed\nprofile: dev\n");
        first.close();
        try (Project again = first.reopen()) {
            assertEquals("demo", again.name(), "the site file is not read again");
            again.initializeRuntime();
            assertEquals(List.of("open", "close", "open"), sql.events);
            assertEquals(3.0, again.execute(EndpointKind.TOOL, "add", Map.of("a", 1, "b", 2), CLI));
        }
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
