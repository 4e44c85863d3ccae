package io.mxcp.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.internal.WarningLog;

class WriterLockTest {

    /** A second process writing the log: it marks the lock file as a writer does, then waits for its stdin to end. */
    private static final String OTHER_WRITER = """
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;

            class OtherWriter {
                public static void main(String[] args) throws Exception {
                    try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                            StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                        channel.lock();
                        channel.truncate(0).write(java.nio.ByteBuffer.wrap(
                                Long.toString(ProcessHandle.current().pid()).getBytes()));
                        System.out.println("held");
                        System.out.flush();
                        System.in.read();
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aSecondProcessWritingTheLogIsNamedAndTheLockGoesWithTheWriter() throws Exception {
        Path log = dir.resolve("audit/logs-default.jsonl");
        try (WarningLog warnings = WarningLog.of(WriterLock.class)) {
            try (WriterLock first = WriterLock.take(log)) {
                assertEquals(Long.toString(ProcessHandle.current().pid()),
                        Files.readString(dir.resolve("audit/logs-default.writer")));
                try (WriterLock sameProcess = WriterLock.take(log)) {
                    assertEquals(List.of(), warnings.warnings(), "a reload's next writer in this process is no other");
                }
            }

            Path source = Files.writeString(dir.resolve("OtherWriter.java"), OTHER_WRITER);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process other = new ProcessBuilder(java.toString(), source.toString(),
                    dir.resolve("audit/logs-default.writer").toString()).redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("held", out.readLine());
                try (WriterLock second = WriterLock.take(log)) {
                    assertEquals(1, warnings.warnings().size(), warnings.warnings()::toString);
                    String warning = warnings.warnings().getFirst();
                    assertTrue(warning.contains("written by another process too (PID " + other.pid() + ")"), warning);
                    assertTrue(warning.contains(log.toString()), warning);
                }
            } finally {
                other.getOutputStream().close();
                other.waitFor(30, TimeUnit.SECONDS);
            }
            try (WriterLock afterTheOtherEnded = WriterLock.take(log)) {
                assertEquals(1, warnings.warnings().size(), "the lock went with the process that held it");
            }
        }
    }
}
