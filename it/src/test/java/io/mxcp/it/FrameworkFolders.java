package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The OSGi framework's cache folders that mxcp processes keep in the temporary folder ({@code mxcp-felix-*}, each with
 * an owner file naming its process): a process killed with SIGKILL leaves its own, which the next mxcp to start
 * deletes.
 */
final class FrameworkFolders {

    private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));

    private FrameworkFolders() {
    }

    /** Fails unless the running process {@code pid} has exactly one folder. */
    static void assertOneOwnedBy(long pid) {
        assertEquals(1, ownedBy(List.of(pid)).size(), "framework folders naming the running server " + pid);
    }

    /** Fails naming the folders still owned by any of these (dead) processes. */
    static void assertNoneLeftBy(List<Long> pids) {
        assertEquals(List.of(), ownedBy(pids), "framework folders of killed servers " + pids + " after a new start");
    }

    private static List<Path> ownedBy(List<Long> pids) {
        try (Stream<Path> folders = Files.list(TEMP)) {
            return folders.filter(folder -> folder.getFileName().toString().startsWith("mxcp-felix-"))
                    .filter(folder -> pids.contains(owner(folder)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long owner(Path folder) {
        try {
            return Long.parseLong(Files.readString(folder.resolve("owner.lock")).strip());
        } catch (IOException | NumberFormatException e) {
            return -1; // an older version's folder, or one deleted meanwhile
        }
    }
}
