package io.mxcp.cli.command;

import static io.mxcp.cli.fakes.AuditRecordBuilder.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.Cli;
import io.mxcp.cli.fakes.FakeAuditTrail;
import io.mxcp.core.api.AuditTrail.ChainCheck;
import io.mxcp.core.api.AuditTrail.SignedCheckpoint;
import io.mxcp.core.api.ProjectException;
import io.mxcp.sdk.audit.AuditQuery;

class LogCommandTest extends ProjectFolderTest {

    private static final String RULE = "=".repeat(80);

    private FakeAuditTrail audit;

    @BeforeEach
    void auditedProject() {
        audit = project.audit;
        audit.enabled = true;
        audit.records.add(call("r1", "tool", "hello", "2026-01-15T10:30:45.123456Z").by("alice", "s-1").took(42)
                .policy("allow").build());
        audit.records.add(call("r2", "resource", "data://{id}", "2026-01-15T11:00:00Z").took(0)
                .failed("Policy enforcement failed: guests may not read").policy("deny")
                .context(Map.of("operation_type", "resource")).build());
    }

    /** How the log shows a time: the reader's local time. */
    private static String local(String instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(Instant.parse(instant)
                .atZone(ZoneId.systemDefault()));
    }

    private AuditQuery lastQuery() {
        return audit.queries.getLast();
    }

    @Test
    void recordsAreATableNewestFirstWithTheirPolicyDecision() {
        Cli.Outcome outcome = cli.run("log");
        assertEquals(0, outcome.exit(), outcome.err());
        String columns = "%-19s  %-8s  %-11s  %-6s  %-8s  %s\n";
        assertEquals("\nAudit records:\n" + RULE + "\n"
                + "   " + columns.formatted("TIME", "TYPE", "NAME", "POLICY", "DURATION", "USER")
                + "❌ " + columns.formatted(local("2026-01-15T11:00:00Z"), "resource", "data://{id}", "deny", "N/A",
                        "unknown")
                + "✅ " + columns.formatted(local("2026-01-15T10:30:45Z"), "tool", "hello", "allow", "42ms", "alice")
                + RULE + "\n\nTotal records: 2\n", outcome.out());
        assertEquals(100, lastQuery().limit(), "the default limit");
        assertTrue(project.closed);
    }

    @Test
    void aListingTheLimitCutSaysMoreMayMatch() {
        Cli.Outcome cut = cli.run("log", "--limit", "2");
        assertTrue(cut.out().endsWith("Total records: 2\nThe newest 2 shown (--limit); more may match: --limit 0 shows "
                + "all\n"), cut.out());
        Cli.Outcome whole = cli.run("log", "--limit", "3");
        assertTrue(whole.out().endsWith("Total records: 2\n"), whole.out());
    }

    @Test
    void debugAddsEachRecordsErrorAndContext() {
        Cli.Outcome outcome = cli.run("log", "--debug", "--status", "error");
        assertEquals(0, outcome.exit(), outcome.err());
        String columns = "%-19s  %-8s  %-11s  %-6s  %-8s  %s\n";
        assertEquals("\nAudit records:\n" + RULE + "\n"
                + "   " + columns.formatted("TIME", "TYPE", "NAME", "POLICY", "DURATION", "USER")
                + "❌ " + columns.formatted(local("2026-01-15T11:00:00Z"), "resource", "data://{id}", "deny", "N/A",
                        "unknown")
                + "  Error: Policy enforcement failed: guests may not read\n"
                + "  Context: {\"operation_type\":\"resource\"}\n"
                + "\n"
                + RULE + "\n\nTotal records: 1\n", outcome.out());
    }

    @Test
    void refusedRequestsAreListedAndFoundByTypeRequest() {
        audit.records.add(call("r3", "request", "POST /mcp", "2026-01-15T12:00:00Z").took(0)
                .failed("invalid_token: no bearer token").policy("deny")
                .context(new TreeMap<>(Map.of("http_status", 401, "client_address", "10.0.0.7", "suppressed", 3)))
                .build());
        Cli.Outcome outcome = cli.run("log", "--type", "request", "--debug");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals(List.of("request"), lastQuery().operationTypes());
        String columns = "%-19s  %-7s  %-9s  %-6s  %-8s  %s\n";
        assertEquals("\nAudit records:\n" + RULE + "\n"
                + "   " + columns.formatted("TIME", "TYPE", "NAME", "POLICY", "DURATION", "USER")
                + "❌ " + columns.formatted(local("2026-01-15T12:00:00Z"), "request", "POST /mcp", "deny", "N/A",
                        "unknown")
                + "  Error: invalid_token: no bearer token\n"
                + "  Context: {\"client_address\":\"10.0.0.7\",\"http_status\":401,\"suppressed\":3}\n"
                + "\n"
                + RULE + "\n\nTotal records: 1\n", outcome.out());
    }

    @Test
    void backendReadsThatBackendsCopyOfTheLog() {
        FakeAuditTrail sqlite = new FakeAuditTrail(audit.path);
        sqlite.enabled = true;
        sqlite.records.add(audit.records.getFirst());
        audit.copies.put("sqlite", sqlite);

        Cli.Outcome outcome = cli.run("log", "--backend", "sqlite", "--json");
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(outcome.out().contains("\"count\": 1"), outcome.out());
        assertTrue(audit.queries.isEmpty(), "the first backend was not read");

        Cli.Outcome unknown = cli.run("log", "--backend", "duckdb");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("The profile's audit.backends lists no backend 'duckdb'"), unknown.err());
    }

    @Test
    void noMatchSaysSo() {
        Cli.Outcome outcome = cli.run("log", "--tool", "nope");
        assertEquals(0, outcome.exit());
        assertEquals("No audit records found matching the criteria.\n", outcome.out());
    }

    @Test
    void aNameFilterGivenTwiceMatchesEitherName() {
        Cli.Outcome outcome = cli.run("log", "--tool", "echo", "--tool", "hello", "--json");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals(List.of("echo", "hello"), lastQuery().operationNames());
    }

    @Test
    void everyFilterGoesIntoTheQuery() {
        Instant before = Instant.now();
        Cli.Outcome outcome = cli.run("log", "--tool", "hello", "--resource", "data://{id}", "--prompt", "greet",
                "--type", "tool", "--policy", "deny", "--status", "error", "--since", "2h", "--limit", "5");
        Instant after = Instant.now();
        assertEquals(0, outcome.exit(), outcome.err());
        AuditQuery query = lastQuery();
        assertEquals(List.of("tool"), query.operationTypes());
        assertEquals(List.of("hello", "data://{id}", "greet"), query.operationNames(), "the three names are ORed");
        assertEquals(List.of("error"), query.statuses());
        assertEquals(List.of("deny"), query.policyDecisions());
        assertEquals(5, query.limit());
        Duration twoHours = Duration.ofHours(2);
        assertTrue(!query.since().isBefore(before.minus(twoHours)) && !query.since().isAfter(after.minus(twoHours)),
                "since " + query.since() + " is two hours before the run, as an instant");
        assertNull(query.until());
    }

    @Test
    void usersSessionsTracesAndAnEndTimeNarrowTheQueryToo() {
        Instant before = Instant.now();
        Cli.Outcome outcome = cli.run("log", "--user", "alice", "--user", "bob", "--session", "s-1", "--trace", "t-9",
                "--since", "1d", "--until", "1h");
        Instant after = Instant.now();
        assertEquals(0, outcome.exit(), outcome.err());
        AuditQuery query = lastQuery();
        assertEquals(List.of("alice", "bob"), query.userIds());
        assertEquals(List.of("s-1"), query.sessionIds());
        assertEquals(List.of("t-9"), query.traceIds());
        Duration hour = Duration.ofHours(1);
        assertTrue(!query.until().isBefore(before.minus(hour)) && !query.until().isAfter(after.minus(hour)),
                "until " + query.until() + " is an hour before the run");
    }

    @Test
    void policyNotApplicableFiltersNothingAndSinceTakesAnyCaseUnit() {
        Instant before = Instant.now();
        cli.run("log", "--policy", "n/a", "--since", "30S");
        assertEquals(List.of(), lastQuery().policyDecisions());
        assertTrue(!lastQuery().since().isBefore(before.minusSeconds(30)), lastQuery().since().toString());
        assertEquals(AuditQuery.ALL.operationNames(), lastQuery().operationNames());
    }

    @Test
    void jsonListsTheRecordsUnderTheOriginalsKeys() {
        Cli.Outcome outcome = cli.run("log", "--json", "--limit", "1");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals("""
                {
                  "status": "ok",
                  "result": {
                    "count": 1,
                    "records": [
                      {
                        "record_id": "r2",
                        "timestamp": "2026-01-15T11:00:00Z",
                        "caller_type": "http",
                        "operation_type": "resource",
                        "operation_name": "data://{id}",
                        "duration_ms": 0,
                        "user_id": null,
                        "session_id": null,
                        "trace_id": null,
                        "operation_status": "error",
                        "error": "Policy enforcement failed: guests may not read",
                        "business_context": {
                          "operation_type": "resource"
                        },
                        "policy_decision": "deny"
                      }
                    ]
                  }
                }
                """, outcome.out());
    }

    @Test
    void auditDisabledIsAnErrorNamingTheSetting() {
        audit.enabled = false;
        Cli.Outcome outcome = cli.run("log");
        assertEquals(1, outcome.exit());
        assertEquals("", outcome.out());
        assertEquals("Error: Audit logging is not enabled for profile 'default'. Enable it in mxcp-site.yml under "
                + "profiles.default.audit.enabled\nAborted!\n", outcome.err());
        assertTrue(audit.queries.isEmpty());

        Cli.Outcome json = cli.run("log", "--json");
        assertEquals(1, json.exit());
        assertTrue(json.out().startsWith("{\n  \"status\": \"error\",\n  \"error\": \"Audit logging is not enabled"),
                json.out());
    }

    @Test
    void aMalformedSinceIsAnError() {
        for (String since : new String[] {"5x", "10", "m", "-1h", "99999999999999999999d"}) {
            Cli.Outcome outcome = cli.run("log", "--since", since);
            assertEquals(1, outcome.exit(), since);
            assertEquals("Error: Invalid time format: " + since + ". Use format like '10m', '2h', '1d'\nAborted!\n",
                    outcome.err());
        }
    }

    @Test
    void aTrailThatCannotBeReadReportsWhy() {
        audit.failure = new ProjectException("No audit backend 'jsonl' is installed (audit log "
                + audit.path + ")");
        Cli.Outcome outcome = cli.run("log");
        assertEquals(1, outcome.exit());
        assertEquals("Error: No audit backend 'jsonl' is installed (audit log " + audit.path + ")\nAborted!\n",
                outcome.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, cli.run("log", "--type", "table").exit());
        assertTrue(cli.run("log", "--type", "table").err().contains("'tool', 'resource', 'prompt', 'request'"));
        assertEquals(2, cli.run("log", "--policy", "denied").exit());
        assertEquals(2, cli.run("log", "--status", "ok").exit());
        assertEquals(2, cli.run("log", "--limit", "many").exit());
        Cli.Outcome negative = cli.run("log", "--limit", "-1");
        assertEquals(2, negative.exit(), negative.err());
        assertTrue(negative.err().contains("Invalid value for option '--limit': -1 is not in the range x>=0."),
                negative.err());
        assertEquals(2, cli.run("log", "--json-output").exit(), "the log commands spell it --json");
        Cli.Outcome badPolicy = cli.run("log", "--policy", "denied");
        assertTrue(badPolicy.err().contains("'denied' is not one of 'allow', 'deny', 'warn', 'n/a'"), badPolicy.err());
    }

    @Test
    void verifyReportsAnIntactChain() {
        audit.chainCheck = new ChainCheck(true, 5, List.of(), new SignedCheckpoint(4, "sha256:ab",
                Instant.parse("2026-01-02T03:04:05Z"), 1));
        Cli.Outcome outcome = cli.run("log", "--verify");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals("""
                Audit log integrity: valid (5 records checked)
                Signed through record 4 (checkpoint of 2026-01-02T03:04:05Z); 1 later records not signed yet
                """, outcome.out());
        assertTrue(audit.queries.isEmpty(), "the check reads the whole log itself");
        assertNull(audit.verifiedWith, "the public key beside the signing key");

        Cli.Outcome json = cli.run("log", "--verify", "--json", "--public-key", "keys/audit.pub");
        assertEquals(0, json.exit(), json.err());
        assertEquals("""
                {
                  "status": "ok",
                  "result": {
                    "valid": true,
                    "records_checked": 5,
                    "chain_breaks": [],
                    "last_checkpoint": {
                      "records": 4,
                      "head": "sha256:ab",
                      "at": "2026-01-02T03:04:05Z",
                      "records_after": 1
                    }
                  }
                }
                """, json.out());
        assertTrue(audit.verifiedWith.endsWith(Path.of("keys/audit.pub")), String.valueOf(audit.verifiedWith));
    }

    @Test
    void hmacOfPrintsWhatASensitiveValueIsRecordedAs() {
        Cli.Outcome text = cli.run("log", "--hmac-of", "hunter2");
        assertEquals(0, text.exit(), text.err());
        assertEquals("hmac-sha256:fake(hunter2)\n", text.out());
        assertTrue(audit.queries.isEmpty());
        Cli.Outcome json = cli.run("log", "--hmac-of", "hunter2", "--json");
        assertEquals("""
                {
                  "status": "ok",
                  "result": {
                    "hmac": "hmac-sha256:fake(hunter2)"
                  }
                }
                """, json.out());
    }

    @Test
    void recordsCutFromTheEndAreNotSaidToBeSigned() {
        audit.chainCheck = new ChainCheck(false, 12, List.of("2 records are missing at the end of the log: the"
                + " checkpoint of 2026-01-02T03:04:05Z signed 14 records, the log holds 12"),
                new SignedCheckpoint(14, "sha256:ab", Instant.parse("2026-01-02T03:04:05Z"), 0));
        Cli.Outcome text = cli.run("log", "--verify");
        assertEquals(1, text.exit());
        assertTrue(text.out().endsWith("Newest signed checkpoint: record 14 (of 2026-01-02T03:04:05Z)\n"), text.out());
        assertFalse(text.out().contains("Signed through"), text.out());
    }

    @Test
    void verifyReportsEveryBreakAndExitsOne() {
        audit.chainCheck = new ChainCheck(false, 3, List.of("r2: record_hash does not match its content",
                "r3: prev_hash does not match the record before"));
        Cli.Outcome text = cli.run("log", "--verify");
        assertEquals(1, text.exit());
        assertEquals("""
                Audit log integrity: INVALID (3 records checked)
                  ✗ r2: record_hash does not match its content
                  ✗ r3: prev_hash does not match the record before
                No signed checkpoint: records cut from the end of the log would go unnoticed
                """, text.out());

        Cli.Outcome json = cli.run("log", "--verify", "--json");
        assertEquals(1, json.exit());
        assertEquals("""
                {
                  "status": "ok",
                  "result": {
                    "valid": false,
                    "records_checked": 3,
                    "chain_breaks": [
                      "r2: record_hash does not match its content",
                      "r3: prev_hash does not match the record before"
                    ],
                    "last_checkpoint": null
                  }
                }
                """, json.out());
    }
}
