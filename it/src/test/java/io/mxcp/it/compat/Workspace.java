package io.mxcp.it.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A work folder of its own for one run of a test class, under target/it-work/&lt;class&gt;/ and kept for inspection.
 * Unique per run, so two builds running the same class at once (several people share a machine) do not delete
 * each other's projects.
 */
final class Workspace {

    private Workspace() {
    }

    static Path forClass(Class<?> testClass) {
        String work = System.getProperty("mxcp.it.work");
        if (work == null || work.isBlank()) {
            throw new IllegalStateException("System property mxcp.it.work is not set (run the tests through mvn verify)");
        }
        try {
            Path classFolder = Files.createDirectories(Path.of(work).toAbsolutePath().resolve(testClass.getSimpleName()));
            return Files.createTempDirectory(classFolder, "run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
