package io.mxcp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where the build put what the tests need (system properties set by the failsafe configuration). */
public final class Distribution {

    private Distribution() {
    }

    /** The unpacked distribution zip: bin/, lib/, bundles/, deploy/, conf/, examples/. */
    public static Path home() {
        Path home = pathProperty("mxcp.it.home");
        if (!Files.isRegularFile(home.resolve("bin/mxcp"))) {
            throw new IllegalStateException("No bin/mxcp in " + home + ": was the distribution zip unpacked?");
        }
        return home;
    }

    static Path udfExamplesJar() {
        return pathProperty("mxcp.it.udfExamplesJar");
    }

    /** The folder with the MCP client scripts (and their node_modules). */
    static Path clientScripts() {
        return pathProperty("mxcp.it.clients");
    }

    /** The conformance suite folder: its package.json, node_modules, fixture project and expected failures. */
    static Path conformance() {
        return pathProperty("mxcp.it.conformance");
    }

    static String node() {
        return System.getProperty("mxcp.it.node", "node");
    }

    /** A fresh, empty folder for one test class under target/, kept after the run for inspection. */
    public static Path freshWorkFolder(Class<?> testClass) {
        Path folder = pathProperty("mxcp.it.work").resolve(testClass.getSimpleName());
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(Distribution::delete);
                }
            }
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A home of its own for tests that drop files into deploy/: bin/ and conf/ are copied, a fresh deploy/
     * is made, and lib/, bundles/ and examples/ link to the unpacked distribution's.
     */
    static Path privateHome(Path folder) {
        return privateHome(home(), folder);
    }

    /** As {@link #privateHome(Path)}, for the unpacked distribution {@code shared} (e.g. the Python one). */
    static Path privateHome(Path shared, Path folder) {
        try {
            Files.createDirectories(folder.resolve("deploy"));
            for (String copied : new String[] {"bin", "conf"}) {
                Files.createDirectories(folder.resolve(copied));
                try (Stream<Path> files = Files.list(shared.resolve(copied))) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Files.copy(file, folder.resolve(copied).resolve(file.getFileName().toString()));
                    }
                }
            }
            for (String linked : new String[] {"lib", "bundles", "examples"}) {
                Files.createSymbolicLink(folder.resolve(linked), shared.resolve(linked));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path pathProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set (run the tests through mvn verify)");
        }
        return Path.of(value).toAbsolutePath();
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
