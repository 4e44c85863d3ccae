package io.mxcp.cli.context;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the project root: the nearest folder, from a start folder upwards, that holds {@code mxcp-site.yml}. */
public final class ProjectLocator {

    public static final String SITE_FILE = "mxcp-site.yml";

    private ProjectLocator() {
    }

    public static Optional<Path> findRoot(Path start) {
        for (Path folder = start.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(SITE_FILE))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }
}
