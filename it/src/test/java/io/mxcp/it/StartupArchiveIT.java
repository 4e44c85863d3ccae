package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The JVM's class-data archive of {@code serve} (README, bin/mxcp): a fresh installation's first server writes it
 * while it starts, before it says it is ready, and not as it stops (which slowed a first stop by seconds); the next
 * server maps it.
 */
class StartupArchiveIT {

    private static final Path WORK = Distribution.freshWorkFolder(StartupArchiveIT.class);
    private static final Mxcp MXCP = new Mxcp(Distribution.privateHome(WORK.resolve("home")), WORK);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(25);

    @AfterAll
    static void nothingLeft() {
        Leftovers.assertNone(MXCP);
    }

    @Test
    void theFirstServerWritesItsArchiveAsItStartsAndTheNextMapsIt() throws IOException {
        Path project = MXCP.bootstrap(WORK, "archived");
        assertEquals(List.of(), serveArchives(), "a fresh installation has no server archive");

        Path archive;
        FileTime written;
        int port = FreePort.find();
        try (ServerProcess first = MXCP.serve(project, port)) {
            first.awaitLogLineEnding(Duration.ofSeconds(30), "serving project archived (profile default) at "
                    + "http://localhost:" + port + "/mcp");
            List<Path> archives = serveArchives();
            assertEquals(1, archives.size(), first::describe);
            archive = archives.get(0);
            written = Files.getLastModifiedTime(archive);
            String log = first.stderr();
            assertTrue(log.indexOf("INFO [StartupArchive] Saved the JVM's class-data archive " + archive) >= 0
                    && log.indexOf("INFO [StartupArchive] Saved") < log.indexOf("Server ready!"), first::describe);
            assertFalse(log.contains("attached by jcmd"), first::describe);
            first.signal("TERM");
            assertEquals(0, first.awaitExit(STOP_LIMIT), first::describe);
        }
        assertEquals(written, Files.getLastModifiedTime(archive), "the stopping JVM wrote the archive again");

        try (ServerProcess second = MXCP.serve(project, FreePort.find())) {
            String maps = Files.readString(Path.of("/proc", String.valueOf(second.jvm().pid()), "maps"));
            assertTrue(maps.contains(archive.toString()), "the second server does not map " + archive);
            assertFalse(second.stderr().contains("StartupArchive"), second::describe);
            second.signal("TERM");
            assertEquals(0, second.awaitExit(STOP_LIMIT), second::describe);
        }
        assertEquals(written, Files.getLastModifiedTime(archive), "the second server wrote the archive again");
    }

    /** The server archives of the private installation's {@code var/}. */
    private static List<Path> serveArchives() throws IOException {
        Path var = MXCP.home().resolve("var");
        if (!Files.isDirectory(var)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(var)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-serve.jsa")).toList();
        }
    }
}
