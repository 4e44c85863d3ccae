package io.mxcp.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;

class IoFailureTextTest {

    @Test
    void aDeniedOrMissingFileIsNamedWithWhatIsWrong() {
        assertEquals("Permission denied: /srv/p/audit/logs-default.jsonl",
                IoFailureText.of(new AccessDeniedException("/srv/p/audit/logs-default.jsonl")));
        assertEquals("No such file or directory: /srv/p/audit",
                IoFailureText.of(new NoSuchFileException("/srv/p/audit")));
    }

    @Test
    void otherFailuresKeepTheirOwnWords() {
        assertEquals("/srv/p/audit/x: No space left on device",
                IoFailureText.of(new FileSystemException("/srv/p/audit/x", null, "No space left on device")));
        assertEquals("stream closed", IoFailureText.of(new IOException("stream closed")));
        assertEquals("java.io.IOException", IoFailureText.of(new IOException()));
    }
}
