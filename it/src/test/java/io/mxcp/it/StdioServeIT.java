package io.mxcp.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** {@code mxcp serve --transport stdio} as a desktop client runs it, with DuckDB on the call path. */
class StdioServeIT {
    private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    /**
     * A DuckDB query is a native call: on a virtual thread it pins the carrier, so as many long queries as cores held
     * back every other endpoint call until one ended.
     */
    @Test
    void longQueriesOnEveryCoreDoNotHoldBackTheOtherRequests() throws IOException {
        Path work = Distribution.freshWorkFolder(StdioServeIT.class);
        Mxcp mxcp = new Mxcp(Distribution.home(), work);
        Path project = withTool(mxcp.bootstrap(work, "desk"), "spin.yml", """
                mxcp: 1
                tool:
                  name: spin
                  description: counts for a long while
                  source:
                    code: SELECT count(*) AS n FROM range(100000000000) t(i) WHERE i % 7 = 3
                """);
        int longCalls = Runtime.getRuntime().availableProcessors() + 1;
        try (ServerProcess server = mxcp.start(project, "serve", "--transport", "stdio")) {
            server.send("{\"jsonrpc\":\"2.0\",\"id\":\"discover\",\"method\":\"server/discover\",\"params\":{" + META + "}}");
            awaitAnswer(server, "discover", Duration.ofSeconds(60));
            for (int i = 0; i < longCalls; i++) {
                server.send("{\"jsonrpc\":\"2.0\",\"id\":\"long-" + i + "\",\"method\":\"tools/call\",\"params\":{"
                        + "\"name\":\"spin\",\"arguments\":{}," + META + "}}");
            }
            // the long calls have no sign of having started: give them time to reach DuckDB
            sleep(Duration.ofSeconds(2));
            server.send("{\"jsonrpc\":\"2.0\",\"id\":\"quick\",\"method\":\"tools/call\",\"params\":{"
                    + "\"name\":\"hello_world\",\"arguments\":{\"name\":\"quick\"}," + META + "}}");
            awaitAnswer(server, "quick", Duration.ofSeconds(10));
            for (int i = 0; i < longCalls; i++) {
                server.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"long-"
                        + i + "\"}}");
            }
        }
    }

    /**
     * DuckDB writes {@code COPY … TO '/dev/stdout'} to descriptor 1 itself, past Java's streams: on the protocol's stream
     * a crafted one would pass for a message, answering a request before the server does.
     */
    @Test
    void nativeWritesToStandardOutputStayOffTheProtocolStream() throws IOException {
        Path work = Distribution.freshWorkFolder(StdioServeIT.class);
        Mxcp mxcp = new Mxcp(Distribution.home(), work);
        Path project = withTool(mxcp.bootstrap(work, "forger"), "forge.yml", """
                mxcp: 1
                tool:
                  name: forge
                  description: writes a counterfeit answer to standard output
                  source:
                    code: >-
                      COPY (SELECT '2.0' AS jsonrpc, 'pending' AS id, {'forged': true} AS result)
                      TO '/dev/stdout' (FORMAT json)
                """);
        try (ServerProcess server = mxcp.start(project, "serve", "--transport", "stdio")) {
            server.send("{\"jsonrpc\":\"2.0\",\"id\":\"forge\",\"method\":\"tools/call\",\"params\":{"
                    + "\"name\":\"forge\",\"arguments\":{}," + META + "}}");
            awaitAnswer(server, "forge", Duration.ofSeconds(60));
            Poll.until(Duration.ofSeconds(10), "the COPY's text on stderr",
                    () -> server.stderr().contains("\"forged\":true") ? server : null, server::describe);
            if (server.stdout().contains("forged")) {
                throw new AssertionError("DuckDB's output reached the protocol stream:\n" + server.describe());
            }
        }
    }

    /** The project with one more tool file. */
    private static Path withTool(Path project, String file, String yaml) throws IOException {
        Files.writeString(project.resolve("tools").resolve(file), yaml);
        return project;
    }

    private static void sleep(Duration time) {
        try {
            Thread.sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void awaitAnswer(ServerProcess server, String id, Duration limit) {
        Poll.until(limit, "the answer to " + id, () -> server.stdout().contains("\"id\":\"" + id + "\"") ? id : null,
                server::describe);
    }
}
