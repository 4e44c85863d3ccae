package io.mxcp.kernel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;

class FrameworkStorageTest {

    @TempDir
    Path temp;

    @Test
    void aFolderNamesItsProcessAndIsDeletedOnClose() throws IOException {
        Path folder;
        try (FrameworkStorage storage = FrameworkStorage.create(temp)) {
            folder = storage.folder();
            Files.writeString(folder.resolve("bundle0"), "cache");
            assertEquals(Long.toString(ProcessHandle.current().pid()),
                    Files.readString(folder.resolve(FrameworkStorage.OWNER_FILE)));
        }
        assertFalse(Files.exists(folder));
    }

    @Test
    void theFrameworkCleaningItsCacheOnStartLeavesTheOwnerFileLocked() throws Exception {
        try (FrameworkStorage storage = FrameworkStorage.create(temp)) {
            Files.writeString(storage.cache().resolve("left-by-an-earlier-start"), "x");
            Felix framework = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, storage.cache().toString(),
                    Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
            framework.init();
            framework.stop();
            framework.waitForStop(10_000);

            assertFalse(Files.exists(storage.cache().resolve("left-by-an-earlier-start")));
            Process check = probe("try", storage.folder().resolve(FrameworkStorage.OWNER_FILE));
            assertEquals("locked by another process", firstLine(check));
            check.waitFor();
        }
    }

    @Test
    void theNextStartDeletesTheFolderOfAProcessThatHasGone() throws IOException {
        Path killed = abandonedFolder("mxcp-felix-killed", true);

        try (FrameworkStorage storage = FrameworkStorage.create(temp)) {
            assertFalse(Files.exists(killed));
            assertTrue(Files.isDirectory(storage.folder()));
        }
    }

    @Test
    void aFolderWhoseProcessRunsIsKept() throws Exception {
        Path running = abandonedFolder("mxcp-felix-running", true);
        Process holder = probe("hold", running.resolve(FrameworkStorage.OWNER_FILE));
        try {
            assertEquals("held", firstLine(holder));

            FrameworkStorage.create(temp).close();

            assertTrue(Files.exists(running.resolve("bundle0")));
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }

    @Test
    void aFolderWithoutAnOwnerFileIsKept() throws IOException {
        Path olderVersion = abandonedFolder("mxcp-felix-older", false);

        FrameworkStorage.create(temp).close();

        assertTrue(Files.exists(olderVersion.resolve("bundle0")));
    }

    @Test
    void onlyTheNamedFolderIsLeftWhileItsKernelRuns() throws IOException {
        try (FrameworkStorage storage = FrameworkStorage.create(temp)) {
            try (Stream<Path> entries = Files.list(temp)) {
                assertEquals(List.of(storage.folder()), entries.toList());
            }
            assertTrue(storage.folder().getFileName().toString().startsWith(FrameworkStorage.PREFIX));
        }
    }

    @Test
    void aSecondKernelOfTheSameProcessLeavesTheFirstOnesLockInPlace() throws Exception {
        try (FrameworkStorage first = FrameworkStorage.create(temp)) {
            FrameworkStorage.create(temp).close();

            assertTrue(Files.isDirectory(first.folder()));
            Process check = probe("try", first.folder().resolve(FrameworkStorage.OWNER_FILE));
            assertEquals("locked by another process", firstLine(check));
            check.waitFor();
        }
    }

    @Test
    void kernelsStartingAndStoppingTogetherSweepWithoutFailing() throws Exception {
        List<Path> abandoned = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Path folder = abandonedFolder("mxcp-felix-gone" + i, true);
            for (int file = 0; file < 50; file++) {
                Files.writeString(folder.resolve("bundle" + file), "cache");
            }
            abandoned.add(folder);
        }
        try (ExecutorService starts = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                done.add(starts.submit(() -> {
                    FrameworkStorage.create(temp).close();
                    return null;
                }));
            }
            for (Future<?> start : done) {
                start.get(); // none failed
            }
        }
        for (Path folder : abandoned) {
            assertFalse(Files.exists(folder), folder.toString());
        }
    }

    private Path abandonedFolder(String name, boolean withOwnerFile) throws IOException {
        Path folder = Files.createDirectory(temp.resolve(name));
        Files.writeString(folder.resolve("bundle0"), "cache");
        if (withOwnerFile) {
            Files.writeString(folder.resolve(FrameworkStorage.OWNER_FILE), "1");
        }
        return folder;
    }

    /** Another JVM (the java source launcher running LockProbe) working on the lock of {@code file}. */
    private static Process probe(String mode, Path file) throws IOException {
        try {
            Path source = Path.of(Objects.requireNonNull(
                    FrameworkStorageTest.class.getResource("/lock-probe/LockProbe.java")).toURI());
            String java = ProcessHandle.current().info().command().orElseThrow();
            return new ProcessBuilder(java, source.toString(), mode, file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static String firstLine(Process process) throws IOException {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
}
