package io.mxcp.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.api.ProjectOptions;
import io.mxcp.core.api.ServerInfo;

/** Test helper: writes a project into a temp folder and opens it with a controlled environment. */
final class ProjectFixture {

    final Path root;
    final Map<String, String> env = new HashMap<>();
    final ProjectServiceComponent service = new ProjectServiceComponent();

    ProjectFixture(Path root) {
        this.root = root;
        env.put("HOME", root.resolve("home").toString());
    }

    ProjectFixture write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    /** Writes the site config of project {@code demo}, profile {@code dev} with that {@code audit} block. */
    ProjectFixture auditedSite(String auditBlock) throws IOException {
        return write("mxcp-site.yml", "project: demo\nprofile: dev\nprofiles:\n  dev:\n    audit: " + auditBlock + "\n");
    }

    /** Writes the user config that gives project {@code demo}'s profile {@code dev} these settings (YAML lines). */
    ProjectFixture userProfile(String settings) throws IOException {
        return write("home/.mxcp/config.yml", "mxcp: 1\nprojects:\n  demo:\n    profiles:\n      dev:\n"
                + settings.indent(8));
    }

    Project open() throws ProjectException {
        return open(null, false);
    }

    Project open(String profile, boolean readOnly) throws ProjectException {
        return service.open(new ProjectOptions(root, profile, readOnly, env));
    }

    /** Opens the project as {@code mxcp serve} does: its profile's telemetry starts with it. */
    Project openServed() throws ProjectException {
        return service.open(new ProjectOptions(root, null, false, env).withServer(new ServerInfo(null, "9.9.9")));
    }
}
