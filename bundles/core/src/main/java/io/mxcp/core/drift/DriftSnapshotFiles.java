package io.mxcp.core.drift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.mxcp.core.api.Project;
import io.mxcp.core.internal.drift.SnapshotShape;

/** Where a profile keeps its snapshot, and reading and writing snapshot files. */
public final class DriftSnapshotFiles {

    private DriftSnapshotFiles() {
    }

    /**
     * The active profile's {@code drift.path} (spec 01 §1.4; by default {@code <root>/drift/drift-<profile>.json}); a
     * relative path written in the site config is relative to the working directory.
     *
     * @throws DriftSnapshotException when the site config has no drift path for the profile
     */
    public static Path profilePath(Project project, Path workingDirectory) throws DriftSnapshotException {
        String profile = project.profile();
        if (!(project.siteConfig().get("profiles") instanceof Map<?, ?> profiles)
                || !(profiles.get(profile) instanceof Map<?, ?> settings)) {
            throw DriftSnapshotException.invalid("No profile '" + profile + "' found in site config");
        }
        if (!(settings.get("drift") instanceof Map<?, ?> drift) || !(drift.get("path") instanceof String path)
                || path.isEmpty()) {
            throw DriftSnapshotException.invalid("No drift configuration found for profile '" + profile + "'");
        }
        return workingDirectory.resolve(path);
    }

    /**
     * Reads a snapshot file. Snapshots of the original load too: their definitions' {@code return_} is read as
     * {@code return}.
     *
     * @throws DriftSnapshotException {@code Snapshot file not found: <file>}, {@code Unsupported snapshot version: <v>}
     *                                or {@code Invalid drift snapshot: <details>}
     */
    public static DriftSnapshot read(Path file) throws DriftSnapshotException, IOException {
        if (!Files.exists(file)) {
            throw DriftSnapshotException.missingFile("Snapshot file not found: " + file.toAbsolutePath().normalize());
        }
        return new DriftSnapshot(SnapshotShape.parse(Files.readAllBytes(file)));
    }

    /** Writes the snapshot's JSON text (UTF-8), creating the folder when missing and replacing the file. */
    public static void write(Path file, DriftSnapshot snapshot) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, snapshot.toJson(), StandardCharsets.UTF_8);
    }
}
