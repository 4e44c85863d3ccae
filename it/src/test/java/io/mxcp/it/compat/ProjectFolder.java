package io.mxcp.it.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** An MXCP project a test writes file by file: {@code mxcp-site.yml}, endpoint YAML, SQL, JSON argument files. */
final class ProjectFolder {

    private final Path root;

    private ProjectFolder(Path root) {
        this.root = root;
    }

    /** A new project folder with a site file naming the project and its {@code default} profile. */
    static ProjectFolder create(Path parent, String name) {
        return createWithSite(parent, name, "mxcp: 1\nproject: " + name + "\nprofile: default\n");
    }

    static ProjectFolder createWithSite(Path parent, String name, String siteFile) {
        ProjectFolder project = new ProjectFolder(parent.resolve(name));
        project.write("mxcp-site.yml", siteFile);
        return project;
    }

    Path root() {
        return root;
    }

    /** Writes a file (UTF-8) relative to the root, creating its folders. */
    ProjectFolder write(String relativePath, String content) {
        Path file = root.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
