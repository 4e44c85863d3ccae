package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A UDF plugin comes and goes while `mxcp serve` keeps serving: a tool whose SQL calls rot13() from the
 * udf-examples bundle fails while the jar is absent from deploy/ and works within seconds of it being dropped
 * in, and hello_world never fails meanwhile.
 *
 * <p>The server starts with the plugin deployed: serve validates every endpoint's SQL at start-up and refuses
 * to start when a function is unknown, so removing the jar is the first change the test makes.
 */
class HotDeployIT {

    private static final String JAR_NAME = "mxcp-udf-examples.jar";
    private static final String ROT13_TOOL = """
            mxcp: 1
            tool:
              name: rot13_text
              description: Encodes text with rot13() from the udf-examples plugin
              parameters:
                - name: text
                  type: string
                  description: Text to encode
              return:
                type: string
                description: The encoded text
              source:
                code: SELECT rot13($text) AS r
            """;
    private static final Map<String, Object> ROT13_ARGUMENTS = Map.of("text", "Hello, World");
    private static final String ROT13_RESULT = "Uryyb, Jbeyq";
    /** How long a drop or removal in deploy/ may take to show in calls. */
    private static final Duration SWAP_LIMIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final ServedProject served = ServedProject.withPrivateHome((work, mxcp) -> {
        Path project = mxcp.bootstrap(work, "hot");
        Files.writeString(project.resolve("tools/rot13.yml"), ROT13_TOOL);
        dropPlugin(mxcp.home().resolve("deploy"));
        return project;
    });

    @Test
    void udfPluginSwapsInAndOutWhileHelloWorldKeepsAnswering() throws Exception {
        Path deploy = served.deploy();
        ServerProcess server = served.server();
        McpHttpClient client = served.client();
        assertEquals(ROT13_RESULT, client.callTool("rot13_text", ROT13_ARGUMENTS).successText(),
                () -> "rot13 with the plugin deployed at start\n" + server.describe());

        try (CallLoop helloLoop = new CallLoop(client)) {
            Files.delete(deploy.resolve(JAR_NAME));
            McpHttpClient.ToolOutcome missing = Poll.until(SWAP_LIMIT, "rot13_text to fail once the jar is deleted",
                    () -> {
                        McpHttpClient.ToolOutcome outcome = client.callTool("rot13_text", ROT13_ARGUMENTS);
                        return outcome.failureText() != null ? outcome : null;
                    }, server::describe);
            assertTrue(missing.failureText().contains("rot13"), () -> "the error does not name the UDF: " + missing);

            long dropped = System.nanoTime();
            dropPlugin(deploy);
            Poll.until(SWAP_LIMIT, "rot13_text to answer " + ROT13_RESULT + " after the jar is dropped again",
                    () -> ROT13_RESULT.equals(client.callTool("rot13_text", ROT13_ARGUMENTS).successText()) ? true : null,
                    server::describe);
            Duration swapIn = Duration.ofNanos(System.nanoTime() - dropped);

            Files.delete(deploy.resolve(JAR_NAME));
            Poll.until(SWAP_LIMIT, "rot13_text to fail after the second removal",
                    () -> client.callTool("rot13_text", ROT13_ARGUMENTS).failureText() != null ? true : null,
                    server::describe);

            helloLoop.close();
            assertTrue(helloLoop.calls() > 0, "the hello_world loop made no calls");
            assertEquals(0, helloLoop.failures().size(), () -> helloLoop.failures().size() + " of "
                    + helloLoop.calls() + " hello_world calls failed during the swaps, first: "
                    + helloLoop.failures().get(0) + "\n" + server.describe());
            System.out.printf("HotDeployIT: plugin answered %d ms after the drop; %d hello_world calls, none failed%n",
                    swapIn.toMillis(), helloLoop.calls());
        }
    }

    private static void dropPlugin(Path deploy) throws IOException {
        DeployDrop.drop(deploy, JAR_NAME, out -> Files.copy(Distribution.udfExamplesJar(), out));
    }
}
