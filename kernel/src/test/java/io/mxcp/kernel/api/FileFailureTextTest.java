package io.mxcp.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;

class FileFailureTextTest {

    @Test
    void aDeniedOrMissingFileIsNamedWithWhatIsWrong() {
        assertEquals("Permission denied: /srv/p/audit/logs-default.jsonl",
                FileFailureText.of(new AccessDeniedException("/srv/p/audit/logs-default.jsonl")));
        assertEquals("No such file or directory: /srv/p/audit",
                FileFailureText.of(new NoSuchFileException("/srv/p/audit")));
    }

    @Test
    void otherFailuresKeepTheirOwnWords() {
        assertEquals("/srv/p/audit/x: No space left on device",
                FileFailureText.of(new FileSystemException("/srv/p/audit/x", null, "No space left on device")));
        assertEquals("stream closed", FileFailureText.of(new IOException("stream closed")));
        assertEquals("java.io.IOException", FileFailureText.of(new IOException()));
    }
}
