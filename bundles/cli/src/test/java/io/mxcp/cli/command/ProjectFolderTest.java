package io.mxcp.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.cli.fakes.Cli;
import io.mxcp.cli.fakes.FakeProject;
import io.mxcp.cli.fakes.FakeServices;

/**
 * A command run from a project folder: the folder holds an {@code mxcp-site.yml} so the CLI finds its root there,
 * and the project service opens a fake project a test fills in. A subclass's own {@code @BeforeEach} runs after
 * this one.
 */
abstract class ProjectFolderTest {

    @TempDir
    Path root;
    FakeProject project;
    Cli cli;

    @BeforeEach
    void projectFolder() throws IOException {
        Files.writeString(root.resolve("mxcp-site.yml"), "mxcp: 1\nproject: demo\n");
        project = new FakeProject(root);
        cli = new Cli(root, new FakeServices(project));
    }
}
