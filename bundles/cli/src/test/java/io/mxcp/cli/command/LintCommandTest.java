package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.Cli;

class LintCommandTest extends ProjectFolderTest {

    @Test
    void onlyTheProjectsFilesAreLinted() {
        project.withTestedTool("hello_world", "tools/hello-world.yml", List.of()).withBuiltInTool("execute_sql_query");
        Cli.Outcome outcome = cli.run("lint", "--json-output");
        assertTrue(outcome.out().contains("tools/hello-world.yml"), outcome.out());
        assertFalse(outcome.out().contains("built-in"), "the built-in SQL tools are not the user's to fix\n"
                + outcome.out());
        assertFalse(outcome.out().contains("execute_sql_query"), outcome.out());
        assertEquals(0, cli.run("lint").exit());
    }
}
