package io.mxcp.executor.python.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mxcp.executor.python.project.PythonProject;
import io.mxcp.sdk.exec.ClientInput;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.ExecutionContext;
import io.mxcp.sdk.exec.InputRequest;
import io.mxcp.sdk.exec.InputRequiredException;
import io.mxcp.sdk.exec.MissingClientCapabilityException;

/**
 * {@code mcp.elicit}, {@code sample}, {@code list_roots}, {@code ask} and {@code supports} of mxcp.runtime on
 * GraalPy, against a scripted client: answers reach Python, and a call that must stop for input (or lacks a
 * capability) fails with the Java exception as its cause, whatever the Python code did.
 */
class ClientAsksTest {

    /** A client that answers from a map, knows some capabilities, and needs a new round for anything else. */
    private static final class ScriptedClient implements ClientInput {
        final Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        final Set<String> capabilities;
        final List<String> asked = new ArrayList<>();
        private int unnamed;

        ScriptedClient(Set<String> capabilities) {
            this.capabilities = capabilities;
        }

        @Override
        public boolean supports(String capability) {
            return capabilities.contains(capability);
        }

        @Override
        public Map<String, Map<String, Object>> ask(Map<String, InputRequest> requests)
                throws EndpointExecutionException {
            Map<String, InputRequest> unanswered = new LinkedHashMap<>();
            Map<String, Map<String, Object>> given = new LinkedHashMap<>();
            for (Map.Entry<String, InputRequest> request : requests.entrySet()) {
                asked.add(request.getKey() + " " + request.getValue().method() + " " + request.getValue().params());
                if (!supports(request.getValue().capability())) {
                    throw new MissingClientCapabilityException(Set.of(request.getValue().capability()));
                }
                if (answers.containsKey(request.getKey())) {
                    given.put(request.getKey(), answers.get(request.getKey()));
                } else {
                    unanswered.put(request.getKey(), request.getValue());
                }
            }
            if (!unanswered.isEmpty()) {
                throw new InputRequiredException(unanswered);
            }
            return given;
        }

        @Override
        public Map<String, Object> ask(InputRequest request) throws EndpointExecutionException {
            return ask("input-" + ++unnamed, request);
        }
    }

    private record Call(ClientInput clientInput) implements AnonymousCall {
    }

    private static Engine engine;
    private static PythonRuntime runtime;
    private static Path module;
    private static volatile ExecutionContext current;

    @BeforeAll
    static void startPython() throws URISyntaxException {
        Path root = Path.of(ClientAsksTest.class.getResource("asking").toURI());
        module = root.resolve("python/asks.py");
        PythonProject project = new PythonProject(root, "default", Map.of(), Map.of(), List.of(), root.resolve("python"),
                root.resolve("plugins"));
        engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build();
        ValueCodec codec = new ValueCodec();
        runtime = PythonRuntime.start(engine, project, codec);
        runtime.begin(project, new HostBridge((sql, params) -> "[]", () -> current, function -> null, codec));
    }

    @AfterAll
    static void stopPython() {
        runtime.close();
        engine.close();
    }

    /** Calls a function of asks.py as the endpoint of a call whose client is scripted (none: no call). */
    private static Object call(String function, ScriptedClient client) throws PythonException {
        current = client == null ? null : new Call(client);
        try {
            return runtime.call(runtime.function(runtime.module(module), "tool", function, module), Map.of(), "{}");
        } finally {
            current = null;
        }
    }

    private static Map<String, Object> accepted(String name) {
        return Map.of("action", "accept", "content", Map.of("name", name));
    }

    private static Map<String, Object> text(String text) {
        return Map.of("role", "assistant", "model", "m", "content", Map.of("type", "text", "text", text));
    }

    @Test
    void answersReachPythonCodeSyncAndAsync() throws Exception {
        ScriptedClient client = new ScriptedClient(Set.of("elicitation"));
        client.answers.put("name", accepted("Ada"));
        assertEquals("Hello Ada", call("greet", client));
        assertEquals(List.of("name elicitation/create {message=Your name?, requestedSchema={type=object, "
                + "properties={name={type=string}}, required=[name]}}"), client.asked);

        ScriptedClient rootsToo = new ScriptedClient(Set.of("elicitation", "roots"));
        rootsToo.answers.put("name", accepted("Ada"));
        rootsToo.answers.put("input-1", Map.of("roots", List.of(Map.of("uri", "file:///a"), Map.of("uri", "file:///b"))));
        assertEquals("Hello Ada in file:///a, file:///b", call("greet_async", rootsToo));
    }

    @Test
    void syncCodeRunsTheCallsWithAsyncioRunAsTheOriginalDocumentsIt() throws Exception {
        ScriptedClient client = new ScriptedClient(Set.of("elicitation"));
        client.answers.put("name", accepted("Ada"));
        assertEquals("Hello Ada", call("greet_as_the_original_documents_for_sync_code", client));
    }

    @Test
    void severalAsksAtOnceAndSamplingParameters() throws Exception {
        ScriptedClient client = new ScriptedClient(Set.of("elicitation", "sampling"));
        client.answers.put("name", accepted("Ada"));
        client.answers.put("poem", text("Roses"));
        assertEquals(List.of(List.of("name", "poem"), "Roses"), call("everything", client));

        ScriptedClient model = new ScriptedClient(Set.of("sampling"));
        model.answers.put("input-1", text("Violets"));
        assertEquals("Violets", call("write_poem", model));
        assertEquals(List.of("input-1 sampling/createMessage {messages=[{role=user, content={type=text, text=A poem}}], "
                + "maxTokens=50, temperature=0.5}"), model.asked);
    }

    @Test
    void aCallThatNeedsInputFailsWithTheRequestsEvenWhenPythonSwallowsIt() {
        for (String function : List.of("greet", "greet_async", "swallow")) {
            PythonException e = assertThrows(PythonException.class,
                    () -> call(function, new ScriptedClient(Set.of("elicitation"))), function);
            InputRequiredException asked = (InputRequiredException) e.getCause();
            assertEquals(Set.of("name"), asked.requests().keySet(), function);
        }
    }

    @Test
    void aMissingCapabilityCanBeHandledInPythonOrReachesTheServer() throws Exception {
        ScriptedClient client = new ScriptedClient(Set.of("elicitation"));
        assertEquals("no poem: the endpoint asked the MCP client for input, but the client did not declare the "
                + "sampling capability", call("poem_or_fallback", client));
        PythonException e = assertThrows(PythonException.class, () -> call("write_poem", client));
        assertEquals(Set.of("sampling"), ((MissingClientCapabilityException) e.getCause()).capabilities());
        assertEquals("ClientCapabilityError", e.failure().type());
        assertEquals(List.of(true, false, false), call("capabilities", client));
    }

    @Test
    void withoutACallerNothingIsSupportedAndAsksFailAsDbExecuteDoes() throws Exception {
        assertEquals(List.of(false, false, false), call("capabilities", null));
        PythonException e = assertThrows(PythonException.class, () -> call("greet", null));
        assertEquals("No execution context available - function not called from MXCP executor",
                e.failure().message());
    }
}
