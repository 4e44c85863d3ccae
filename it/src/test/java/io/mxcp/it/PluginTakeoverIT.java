package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two UDF plugins offering the same SQL function (docs/plugins.md §4): the one deployed first serves it and the other
 * is refused while it does; when the first is removed, the other takes the function over in the running server, as a
 * restart with the same deploy folder would have it.
 */
class PluginTakeoverIT {

    private static final Duration DEPLOY_LIMIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final ServedProject served = ServedProject.withPrivateHome((work, mxcp) -> {
        VersionedPlugin.drop(mxcp.home().resolve("deploy"), work, "versioned.jar", "com.example.versioned", "1.0.0",
                null);
        Path project = mxcp.bootstrap(work, "takeover");
        Files.writeString(project.resolve("tools/answer.yml"), """
                mxcp: 1
                tool:
                  name: answer
                  description: Which plugin answers
                  return: {type: string}
                  source: {code: "SELECT versioned_answer() AS answer"}
                """);
        return project;
    });

    @Test
    void aRefusedPluginTakesOverTheFunctionWhenItsHolderIsRemoved() throws Exception {
        ServerProcess server = served.server();
        McpHttpClient client = served.client();
        assertEquals("1.0.0", client.callTool("answer", Map.of()).successText(), server::describe);

        VersionedPlugin.drop(served.deploy(), served.work(), "rival.jar", "com.example.rival", "1.0.0", "rival");
        server.awaitLogLineEnding(DEPLOY_LIMIT, "UDF plugin rival: SQL function versioned_answer(): UDF plugin "
                + "versioned provides it; none of its functions is registered");
        assertEquals("1.0.0", client.callTool("answer", Map.of()).successText(), server::describe);

        Files.delete(served.deploy().resolve("versioned.jar"));
        server.awaitLogLineEnding(DEPLOY_LIMIT, "UDF plugin rival: its functions are registered now that UDF plugin "
                + "versioned has left");
        assertEquals("1.0.0 rival", client.callTool("answer", Map.of()).successText(), server::describe);
    }
}
