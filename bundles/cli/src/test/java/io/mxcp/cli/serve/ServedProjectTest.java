package io.mxcp.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.cli.fakes.FakeProject;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointKind;

class ServedProjectTest {
    @TempDir
    Path folder;

    @Test
    void skippedFilesAreNotServedButThoseThatFailedToLoadAreStillListed() {
        FakeProject project = new FakeProject(folder).withTool("hello", "tools/hello.yml")
                .withTool("invalid", "tools/invalid.yml")
                .withBrokenFile(EndpointKind.TOOL, "tools/broken.yml", "while parsing a flow node");

        ServedProject served = new ServedProject(project, Set.of("tools/invalid.yml", "tools/broken.yml"), null);

        assertEquals(List.of("tools/hello.yml", "tools/broken.yml"),
                served.endpoints().stream().map(DiscoveredEndpoint::relativePath).toList());
    }
}
