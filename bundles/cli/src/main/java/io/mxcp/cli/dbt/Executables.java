package io.mxcp.cli.dbt;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds a program on the {@code PATH} the command runs with (not the JVM's: tests and wrappers change it). */
final class Executables {

    private Executables() {
    }

    static Optional<Path> find(String program, Map<String, String> environment) {
        String path = environment.get("PATH");
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
