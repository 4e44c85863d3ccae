package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HOTSWAP rule 6 for upgrades that go wrong: a newer version of a UDF plugin that starts but cannot serve (its
 * {@code functions()} throws, or it offers a function named as one of DuckDB's own) does not replace the version that
 * runs, which keeps answering every call; the log says which version was not taken and why. A jar rebuilt with the
 * same version is swapped side by side like a newer one, without a failed call.
 */
class PluginUpgradeIT {

    private static final String JAR = "versioned.jar";
    private static final String SYMBOLIC_NAME = "com.example.versioned";
    private static final Duration DEPLOY_LIMIT = Duration.ofSeconds(10);
    private static final int CALLERS = 4;

    @RegisterExtension
    static final ServedProject served = ServedProject.withPrivateHome((work, mxcp) -> {
        drop(mxcp.home().resolve("deploy"), work, "1.0.0", null);
        Path project = mxcp.bootstrap(work, "upgrades");
        Files.writeString(project.resolve("tools/answer.yml"), """
                mxcp: 1
                tool:
                  name: answer
                  description: Which version of the plugin answers, and what DuckDB's lower() does
                  return: {type: string}
                  source: {code: "SELECT versioned_answer() || ' / ' || lower('ABC') AS answer"}
                """);
        return project;
    });

    @Test
    void anUpgradeThatCannotServeLeavesTheRunningVersionAndARebuildIsSwappedWithoutAFailedCall() throws Exception {
        ServerProcess server = served.server();
        McpHttpClient client = served.client();
        assertEquals("1.0.0 / abc", client.callTool("answer", Map.of()).successText(), server::describe);
        ToolCallers callers = new ToolCallers(served.port(), CALLERS, "answer", Map.of());
        try (callers) {
            drop(served.deploy(), served.work(), "1.1.0", "throwing");
            server.awaitLogLineEnding(DEPLOY_LIMIT, SYMBOLIC_NAME + " 1.1.0 not taken, " + SYMBOLIC_NAME
                    + " 1.0.0 keeps serving: UDF plugin versioned: functions() threw java.lang.IllegalStateException:"
                    + " this build cannot list its functions; none of its functions is registered");
            assertEquals("1.0.0 / abc", client.callTool("answer", Map.of()).successText(), server::describe);

            drop(served.deploy(), served.work(), "1.2.0", "builtin");
            server.awaitLogLineEnding(DEPLOY_LIMIT, SYMBOLIC_NAME + " 1.2.0 not taken, " + SYMBOLIC_NAME
                    + " 1.0.0 keeps serving: UDF plugin versioned: SQL function lower(VARCHAR): lower is a DuckDB"
                    + " built-in function, which a plugin cannot replace; none of its functions is registered");
            assertEquals("1.0.0 / abc", client.callTool("answer", Map.of()).successText(), server::describe);

            drop(served.deploy(), served.work(), "1.0.0", "rebuilt");
            server.awaitLogLineEnding(DEPLOY_LIMIT, "removed " + SYMBOLIC_NAME + " 1.0.0");
            assertEquals("1.0.0 rebuilt / abc", client.callTool("answer", Map.of()).successText(), server::describe);
        }
        ToolCallers.assertNoneFailed(callers.calls(), server);
    }

    /** The plugin compiled from this module's test sources, of this version and build, dropped as one file. */
    private static void drop(Path deploy, Path scratch, String version, String build) throws IOException {
        VersionedPlugin.drop(deploy, scratch, JAR, SYMBOLIC_NAME, version, build);
    }
}
