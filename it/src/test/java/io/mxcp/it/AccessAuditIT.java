package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import io.mxcp.it.BearerMcp.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * Refused requests in the audit log (spec 03b D.38) through the distribution: `mxcp serve` in verifier mode against
 * mock-oauth2-server records each request it refuses before any endpoint runs — no token, an expired token, a
 * missing scope, an unknown session — as an `mxcp.access` record that `mxcp log` shows and `mxcp log --verify`
 * checks in one chain with the calls, without a trace of the tokens; a flood from one client leaves a bounded number
 * of records that count the refusals they leave out. The tests share one server and run in order: the flood uses up
 * the client's budget.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessAuditIT {

    private static final String PROJECT = "guarded";
    private static final String CLIENT_ID = "mxcp-it";
    private static final String ISSUER_ID = "default";
    private static final Map<String, Object> ALICE = Map.of("preferred_username", "alice", "scope", "openid mcp.read");
    /** What the server records of a client at once before one record a second (RefusalBudget). */
    private static final int BURST = 20;

    private static MockOAuth2Server issuer;
    private static Mxcp mxcp;
    private static Path project;
    private static Map<String, String> environment;
    private static Path adminSocket;
    private static ServerProcess server;
    private static BearerMcp mcp;
    /** Every token a test sent: none may appear in the audit log's files. */
    private static final List<String> tokens = new ArrayList<>();

    @BeforeAll
    static void issuerAndServer() throws IOException {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        issuer = new MockOAuth2Server();
        issuer.start();
        Path work = Distribution.freshWorkFolder(AccessAuditIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        project = work.resolve(PROJECT);
        Files.createDirectories(project.resolve("tools"));
        Files.writeString(project.resolve("mxcp-site.yml"), """
                mxcp: 1
                project: %s
                profile: default
                profiles:
                  default:
                    audit: {enabled: true}
                """.formatted(PROJECT));
        Files.writeString(project.resolve("tools/probe.yml"), """
                mxcp: 1
                tool:
                  name: probe
                  description: An admitted call, so that the log mixes calls and refusals
                  return: {type: object, properties: {ran: {type: boolean}}}
                  source: {code: "SELECT true AS ran"}
                """);
        Path userConfig = Files.writeString(work.resolve("mxcp-config.yml"), """
                mxcp: 1
                projects:
                  %s:
                    profiles:
                      default:
                        auth:
                          mode: verifier
                          provider: oidc
                          authorization: {required_scopes: [mcp.read]}
                          oidc: {config_url: %s, client_id: %s}
                """.formatted(PROJECT, issuer.wellKnownUrl(ISSUER_ID), CLIENT_ID));
        environment = Map.of("MXCP_CONFIG", userConfig.toString());
        int port = FreePort.find();
        mcp = new BearerMcp("http://localhost:" + port, () -> server == null ? "" : server.describe());
        adminSocket = AdminSocket.freshPath();
        server = mxcp.start(project, Map.of("MXCP_CONFIG", userConfig.toString(), "MXCP_ADMIN_ENABLED", "true",
                "MXCP_ADMIN_SOCKET", adminSocket.toString()), "serve", "--port", Integer.toString(port))
                .awaitHealthy(port, Duration.ofSeconds(60));
        AdminSocket.await(adminSocket, server);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        try {
            if (server != null) {
                server.close();
            }
            if (adminSocket != null) {
                Files.deleteIfExists(adminSocket);
                Files.deleteIfExists(adminSocket.getParent());
            }
        } finally {
            if (issuer != null) {
                issuer.shutdown();
            }
            Leftovers.assertNone(mxcp);
        }
    }

    @Test
    @Order(1)
    void eachRefusalLeavesOneAccessRecordInTheVerifiedChainAndNoTokenText() throws IOException {
        String alice = token(ALICE, 3600);
        assertTrue(mcp.callModern("Bearer " + alice, "probe", Map.of()).toolResult().path("ran").asBoolean());
        assertEquals(401, mcp.callModern(null, "probe", Map.of()).status());
        assertEquals(401, mcp.callModern("Bearer " + token(ALICE, -600), "probe", Map.of()).status());
        assertEquals(403, mcp.callModern("Bearer " + token(Map.of("scope", "openid profile"), 3600), "probe",
                Map.of()).status());
        String unknown = "0123456789abcdef0123456789abcdef";
        Reply hijack = mcp.callLegacy(alice, unknown, "probe", Map.of());
        assertEquals(404, hijack.status(), hijack::toString);

        awaitRequestRecords(4);
        List<JsonNode> refusals = accessRecordsWritten();
        assertEquals(4, refusals.size(), refusals::toString);
        assertRecord(refusals.get(0), 401, "POST /mcp", null, null, "invalid_token: no bearer token");
        assertRecord(refusals.get(1), 401, "tools/call", null, null, null);
        assertTrue(refusals.get(1).path("policy_reason").asText().matches("invalid_token: JWT rejected: .*[Ee]xpired.*"),
                refusals.get(1)::toString);
        assertRecord(refusals.get(2), 403, "tools/call", "alice-sub", null,
                "insufficient_scope: Required scope: mcp.read");
        assertRecord(refusals.get(3), 404, "tools/call", "alice-sub", unknown, null);

        AdminSocket.Answer query = AdminSocket.request(adminSocket, "GET",
                "/audit/query?schema_name=mxcp.access&operation_type=request");
        assertEquals(200, query.status(), query::toString);
        assertEquals(List.of(404, 403, 401, 401), query.body().path("records").valueStream()
                .map(record -> record.path("business_context").path("http_status").asInt()).toList(),
                query::toString);

        CommandResult verify = mxcp.run(project, environment, "log", "--verify");
        assertEquals(0, verify.exitCode(), verify::describe);
        assertTrue(verify.stdout().contains("Audit log integrity: valid (5 records checked)"), verify::describe);

        String written = auditFiles();
        for (String token : tokens) {
            for (String part : token.split("\\.")) {
                assertFalse(written.contains(part), "a part of a token is in the audit log: " + part);
            }
        }
    }

    @Test
    @Order(2)
    void aFloodLeavesBoundedRecordsThatCountTheRefusalsLeftOut() throws InterruptedException {
        int recordedBefore = requestRecords().size();
        int flood = 100;
        long began = System.nanoTime();
        for (int i = 0; i < flood; i++) {
            assertEquals(401, mcp.callModern(null, "probe", Map.of()).status());
        }
        long seconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();
        Thread.sleep(1_100);
        assertEquals(401, mcp.callModern(null, "probe", Map.of()).status(), "the client's next refusal, a second on");
        int sent = flood + 1;

        List<JsonNode> records = Poll.until(Duration.ofSeconds(15), "records and counts adding up to " + sent, () -> {
            List<JsonNode> all = requestRecords();
            List<JsonNode> fresh = all.subList(0, all.size() - recordedBefore);
            long suppressed = fresh.stream().mapToLong(r -> r.path("business_context").path("suppressed").asLong())
                    .sum();
            return fresh.size() + suppressed == sent ? fresh : null;
        }, server::describe);
        assertTrue(records.size() <= BURST + seconds + 2, records.size() + " records for " + sent + " refusals in "
                + seconds + " s");
        // a client's next record carries the refusals left out before it; which record that is depends on where the
        // limit's refill falls (the flood's last refusal may itself be recorded), so any may
        assertTrue(records.stream().anyMatch(record -> record.path("business_context").path("suppressed").asLong() > 0),
                () -> "no record carries what was left out: " + records);
        CommandResult verify = mxcp.run(project, environment, "log", "--verify");
        assertEquals(0, verify.exitCode(), verify::describe);
    }

    private static void assertRecord(JsonNode record, int status, String name, String userId, String sessionId,
            String reason) {
        assertEquals("mxcp.access", record.path("schema_name").asText(), record::toString);
        assertEquals(1, record.path("schema_version").asInt(), record::toString);
        assertEquals("request", record.path("operation_type").asText(), record::toString);
        assertEquals(name, record.path("operation_name").asText(), record::toString);
        assertEquals("error", record.path("operation_status").asText(), record::toString);
        assertEquals("http", record.path("caller_type").asText(), record::toString);
        assertEquals("deny", record.path("policy_decision").asText(), record::toString);
        assertEquals(userId, record.path("user_id").textValue(), record::toString);
        assertEquals(sessionId, record.path("session_id").textValue(), record::toString);
        if (reason != null) {
            assertEquals(reason, record.path("policy_reason").asText(), record::toString);
        }
        JsonNode context = record.path("business_context");
        assertEquals(status, context.path("http_status").asInt(), record::toString);
        assertEquals("127.0.0.1", context.path("client_address").asText(), record::toString);
        assertEquals(0, context.path("suppressed").asLong(-1), record::toString);
    }

    /** The refused requests' records, newest first, once there are {@code count}. */
    private static List<JsonNode> awaitRequestRecords(int count) {
        return Poll.until(Duration.ofSeconds(15), count + " refused requests in the audit log", () -> {
            List<JsonNode> records = requestRecords();
            return records.size() == count ? records : null;
        }, server::describe);
    }

    /** {@code mxcp log --type request --json}: the refused requests' records, newest first. */
    private static List<JsonNode> requestRecords() {
        CommandResult log = mxcp.run(project, environment, "log", "--type", "request", "--limit", "1000", "--json");
        assertEquals(0, log.exitCode(), log::describe);
        JsonNode records = log.json().path("result").path("records");
        assertNotNull(records, log::describe);
        return records.valueStream().toList();
    }

    /**
     * The {@code mxcp.access} records in the log's segments, in the order written, with every field ({@code mxcp log
     * --json} shows the original's keys only).
     */
    private static List<JsonNode> accessRecordsWritten() throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("audit"))) {
            List<JsonNode> records = new ArrayList<>();
            for (Path segment : files.filter(file -> file.getFileName().toString().matches("logs-default-.*\\.jsonl"))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(segment)) {
                    JsonNode record = Json.parse(line, segment.toString());
                    if (record.path("schema_name").asText().equals("mxcp.access")) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }

    /** Every file of the audit folder (segments, checkpoints, keys) as text. */
    private static String auditFiles() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(project.resolve("audit"))) {
            for (Path file : files.toList()) {
                text.append(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    private static String token(Map<String, Object> claims, int lifetimeSeconds) {
        String token = issuer.issueToken(ISSUER_ID, "alice-sub", CLIENT_ID, claims, lifetimeSeconds).serialize();
        tokens.add(token);
        return token;
    }
}
