package io.mxcp.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.cli.fakes.FakeAuditTrail;
import io.mxcp.cli.fakes.LogCapture;

class AuditFolderCheckTest {

    @TempDir
    Path dir;

    @Test
    void aFolderThatCannotBeMadeIsSaidAtTheStartNamingItAndWhy() throws Exception {
        Files.writeString(dir.resolve("audit"), "a file where the folder should be");
        FakeAuditTrail audit = new FakeAuditTrail(dir.resolve("audit/logs-default.jsonl"));
        audit.enabled = true;
        try (LogCapture log = LogCapture.of(AuditFolderCheck.class)) {
            AuditFolderCheck.warnIfUnwritable(audit);
            assertEquals(1, log.messages().size(), log.messages()::toString);
            String warning = log.messages().getFirst();
            assertTrue(warning.startsWith("The audit folder " + dir.resolve("audit") + " cannot be written ("), warning);
        }
    }

    @Test
    void aWritableFolderIsMadeInSilenceAndADisabledAuditIsNotLookedAt() throws Exception {
        FakeAuditTrail audit = new FakeAuditTrail(dir.resolve("audit/logs-default.jsonl"));
        try (LogCapture log = LogCapture.of(AuditFolderCheck.class)) {
            AuditFolderCheck.warnIfUnwritable(audit);
            assertTrue(Files.notExists(dir.resolve("audit")), "the audit is off");
            audit.enabled = true;
            AuditFolderCheck.warnIfUnwritable(audit);
            assertTrue(Files.isDirectory(dir.resolve("audit")));
            assertEquals(List.of(), log.messages());
        }
    }
}
