package io.mxcp.core.internal.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the project root: the nearest folder, from the working directory upwards, holding {@code mxcp-site.yml}. */
public final class ProjectRootLocator {

    public static final String SITE_FILE = "mxcp-site.yml";

    private ProjectRootLocator() {
    }

    public static Optional<Path> find(Path workingDirectory) {
        for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SITE_FILE))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
