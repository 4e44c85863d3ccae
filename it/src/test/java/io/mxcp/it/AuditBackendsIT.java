package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two audit backends at once (spec 03b D.36): a fail-closed server writes every record to the JSONL and the SQLite
 * backend. The SQLite bundle is deployed in deploy/ rather than started from bundles/, so the test can take it away
 * while the server runs: calls go on succeeding with every record in the JSONL log, and once the bundle is back the
 * SQLite log receives what it missed — both logs then hold the same chain, each valid on its own.
 */
class AuditBackendsIT {

    private static final String SQLITE_JAR = "mxcp-audit-sqlite.jar";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final ServedProject SERVED = ServedProject.withPrivateHome((work, mxcp) -> {
        moveToDeploy(mxcp.home(), SQLITE_JAR);
        Path project = Files.createDirectories(work.resolve("mirrored"));
        Files.writeString(project.resolve("mxcp-site.yml"), """
                mxcp: 1
                project: mirrored
                profile: default
                profiles:
                  default:
                    audit: {enabled: true, mode: fail_closed, backends: [jsonl, sqlite]}
                """);
        Files.writeString(Files.createDirectories(project.resolve("tools")).resolve("greet.yml"), """
                mxcp: 1
                tool:
                  name: greet
                  parameters: [{name: who, type: string}]
                  return: {type: string}
                  source: {code: "SELECT 'hello ' || $who"}
                """);
        return project;
    });

    @Test
    void withOneBackendGoneCallsSucceedAndItGetsWhatItMissedOnceBack() throws IOException {
        ServerProcess server = SERVED.server();
        List<String> answers = new ArrayList<>();
        calls(answers, 0, 5);
        awaitRecords("jsonl", 5);
        awaitRecords("sqlite", 5);

        Path deployed = SERVED.deploy().resolve(SQLITE_JAR);
        Path saved = SERVED.work().resolve(SQLITE_JAR);
        Files.copy(deployed, saved);
        int beforeRemoval = server.stderrMark();
        Files.delete(deployed);
        server.awaitStderrLineAfter(beforeRemoval, LIMIT, "the SQLite backend's bundle removed",
                line -> line.contains("deploy: " + SQLITE_JAR + ": removed"));
        calls(answers, 5, 10);
        assertEquals(10, answers.size(), "fail-closed calls succeed while one backend is gone");
        server.awaitStderrLineAfter(beforeRemoval, LIMIT, "the writer reporting the backend it cannot write",
                line -> line.contains("the audit backend 'sqlite' (") && line.contains(") cannot be written since"));
        awaitRecords("jsonl", 10);

        int beforeReturn = server.stderrMark();
        DeployDrop.drop(SERVED.deploy(), SQLITE_JAR, out -> Files.copy(saved, out));
        server.awaitStderrLineAfter(beforeReturn, LIMIT, "the SQLite backend's bundle back",
                line -> line.contains("deploy: " + SQLITE_JAR + ": started mxcp-audit-sqlite"));
        server.awaitStderrLineAfter(beforeReturn, LIMIT, "the writer reporting the backend written again",
                line -> line.contains("The audit backend 'sqlite' writes again"));
        JsonNode fromSqlite = awaitRecords("sqlite", 10);
        JsonNode fromJsonl = awaitRecords("jsonl", 10);
        assertEquals(hashes(fromJsonl), hashes(fromSqlite), "both logs hold the same records in the same order");
        for (String backend : List.of("jsonl", "sqlite")) {
            CommandResult chain = SERVED.mxcp().run(SERVED.project(), "log", "--verify", "--backend", backend);
            assertEquals(0, chain.exitCode(), chain::describe);
            assertTrue(chain.stdout().contains("valid (10 records checked)"), chain::describe);
        }
    }

    private static void calls(List<String> answers, int from, int to) {
        for (int i = from; i < to; i++) {
            answers.add(SERVED.client().callTool("greet", Map.of("who", "n" + i)).successText());
        }
    }

    private static JsonNode awaitRecords(String backend, int count) {
        return Poll.until(LIMIT, count + " audit records in the " + backend + " backend's log", () -> {
            CommandResult log = SERVED.mxcp().run(SERVED.project(), "log", "--json", "--limit", "0", "--backend",
                    backend);
            JsonNode records = log.exitCode() == 0 ? log.json().path("result").path("records") : null;
            return records != null && records.size() == count ? records : null;
        }, SERVED.server()::describe);
    }

    private static List<String> hashes(JsonNode records) {
        List<String> hashes = new ArrayList<>();
        records.forEach(record -> hashes.add(record.path("record_hash").asText()));
        return hashes;
    }

    /** Puts a bundle of the (shared) bundles/ folder into the private home's deploy/ instead, to be taken away. */
    private static void moveToDeploy(Path home, String jarName) throws IOException {
        Path linked = home.resolve("bundles");
        Path shared = linked.toRealPath();
        Files.delete(linked);
        Files.createDirectories(linked);
        try (Stream<Path> jars = Files.list(shared)) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                if (!jar.getFileName().toString().equals(jarName)) {
                    Files.createSymbolicLink(linked.resolve(jar.getFileName()), jar);
                }
            }
        }
        Files.copy(shared.resolve(jarName), home.resolve("deploy").resolve(jarName));
    }
}
