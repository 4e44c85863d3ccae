package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.Cli;
import io.mxcp.cli.fakes.FakeAuditTrail;
import io.mxcp.core.api.ProjectException;

class LogCleanupCommandTest extends ProjectFolderTest {

    private FakeAuditTrail audit;

    @BeforeEach
    void auditedProject() {
        audit = project.audit;
        audit.enabled = true;
        audit.retention = new LinkedHashMap<>(Map.of("mxcp.endpoints:v2", 3L));
    }

    @Test
    void deletesAndCountsPerSchema() {
        audit.retention.put("mxcp.endpoints:v1", 0L);
        Cli.Outcome outcome = cli.run("log-cleanup");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals(false, audit.retentionDryRun);
        assertEquals("""
                Applying retention policies...

                Deleted records by schema:
                  mxcp.endpoints:v2: 3 records

                Total records deleted: 3
                """, outcome.out());
        assertTrue(project.closed);
    }

    @Test
    void nothingToDelete() {
        audit.retention = Map.of();
        assertEquals("Applying retention policies...\nNo records were deleted.\n", cli.run("log-cleanup").out());
        assertEquals("DRY RUN: Analyzing what would be deleted...\n\nNo records would be deleted.\n",
                cli.run("log-cleanup", "--dry-run").out());
    }

    @Test
    void dryRunCountsWithoutDeleting() {
        Cli.Outcome outcome = cli.run("log-cleanup", "--dry-run");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals(true, audit.retentionDryRun);
        assertEquals("""
                DRY RUN: Analyzing what would be deleted...

                  mxcp.endpoints:v2: 3 records

                Total records that would be deleted: 3

                Run without --dry-run to actually delete these records.
                """, outcome.out());
    }

    @Test
    void jsonForARealAndADryRun() {
        assertEquals("""
                {
                  "status": "ok",
                  "result": {
                    "status": "success",
                    "message": "Deleted 3 records",
                    "deleted_per_schema": {
                      "mxcp.endpoints:v2": 3
                    }
                  }
                }
                """, cli.run("log-cleanup", "--json").out());
        Cli.Outcome dryRun = cli.run("log-cleanup", "--json", "--dry-run");
        assertEquals(0, dryRun.exit());
        assertTrue(dryRun.out().contains("\"status\": \"dry_run\",\n    \"message\": \"Would delete 3 records\""),
                dryRun.out());
    }

    @Test
    void auditDisabledIsSkippedNotAnError() {
        audit.enabled = false;
        Cli.Outcome text = cli.run("log-cleanup");
        assertEquals(0, text.exit());
        assertEquals("Audit logging is not enabled for profile 'default'\n", text.out());
        assertEquals("""
                {
                  "status": "ok",
                  "result": {
                    "status": "skipped",
                    "message": "Audit logging is not enabled for profile 'default'",
                    "deleted_per_schema": {}
                  }
                }
                """, cli.run("log-cleanup", "--json").out());
        assertNull(audit.retentionDryRun, "nothing was asked of the trail");
    }

    @Test
    void aTrailThatFailsReportsWhy() {
        audit.failure = new ProjectException("Cannot delete " + audit.path);
        Cli.Outcome outcome = cli.run("log-cleanup", "--json");
        assertEquals(1, outcome.exit());
        assertEquals("{\n  \"status\": \"error\",\n  \"error\": \"Cannot delete " + audit.path + "\"\n}\n",
                outcome.out());
    }
}
