package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.Cli;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.exec.ClientInput;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.InputRequest;

class RunCommandTest extends ProjectFolderTest {

    @Test
    void jsonOutputIsTheResultInTheEnvelope() {
        project.result = "Hello, World!";
        Cli.Outcome outcome = cli.run("run", "tool", "hello_world", "--param", "name=World", "--json-output");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals("{\n  \"status\": \"ok\",\n  \"result\": \"Hello, World!\"\n}\n", outcome.out());
        assertEquals(EndpointKind.TOOL, project.calledKind);
        assertEquals("hello_world", project.calledIdentifier);
        assertEquals(Map.of("name", "World"), project.calledArguments);
        assertNull(project.calledOptions.user());
        assertTrue(project.closed);
    }

    @Test
    void parametersStayStringsAndFilesBecomeJson() throws IOException {
        Files.writeString(root.resolve("ids.json"), "[1, 2]");
        cli.run("run", "resource", "item://{id}", "-p", "id=42", "-p", "ids=@ids.json", "-p", "q=a=b", "-p", "id=43",
                "--json-output");
        assertEquals(EndpointKind.RESOURCE, project.calledKind);
        assertEquals("item://{id}", project.calledIdentifier);
        assertEquals(Map.of("id", "43", "ids", List.of(1, 2), "q", "a=b"), project.calledArguments);
    }

    @Test
    void malformedParameterIsAUsageErrorWithTheOriginalsWording() {
        Cli.Outcome outcome = cli.run("run", "tool", "hello_world", "--param", "name");
        assertEquals(2, outcome.exit());
        assertEquals("Error: Invalid value: Parameter must be in format name=value or name=@file.json: name\n",
                outcome.err());
        assertNull(project.calledKind, "nothing runs");
    }

    @Test
    void missingAndBrokenParameterFiles() throws IOException {
        Cli.Outcome missing = cli.run("run", "tool", "t", "-p", "x=@nope.json");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("JSON file not found: nope.json"), missing.err());
        Files.writeString(root.resolve("bad.json"), "{oops");
        Cli.Outcome broken = cli.run("run", "tool", "t", "-p", "x=@bad.json");
        assertEquals(2, broken.exit());
        assertTrue(broken.err().contains("Invalid JSON in file bad.json: "), broken.err());
    }

    @Test
    void aParameterFileMayBeANamedPipeAsTheOriginalOpensAnyPathThatExists() throws Exception {
        Path pipe = root.resolve("generated.json");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                Files.writeString(pipe, "[1, 2, 3]");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Cli.Outcome piped = cli.run("run", "tool", "t", "-p", "ids=@generated.json", "--json-output");
        writer.join();
        assertEquals(0, piped.exit(), piped.err());
        assertEquals(List.of(1, 2, 3), project.calledArguments.get("ids"));

        Files.createDirectory(root.resolve("folder"));
        Cli.Outcome folder = cli.run("run", "tool", "t", "-p", "x=@folder");
        assertEquals(2, folder.exit());
        assertTrue(folder.err().contains("Cannot read JSON file folder: "), folder.err());
    }

    @Test
    void userContextBecomesACliUser() {
        cli.run("run", "tool", "t", "-u", "{\"email\": \"a@b.c\", \"role\": \"admin\"}", "--json-output");
        var user = project.calledOptions.user();
        assertEquals("cli", user.provider());
        assertEquals("cli_user", user.userId());
        assertEquals("cli_user", user.username());
        assertEquals("a@b.c", user.email());
        assertEquals("admin", user.rawProfile().get("role"));
    }

    @Test
    void userContextFromAFileAndItsErrors() throws IOException {
        Files.writeString(root.resolve("ctx.json"), "{\"user_id\": \"u1\", \"username\": \"ann\"}");
        cli.run("run", "tool", "t", "--user-context", "@ctx.json", "--json-output");
        assertEquals("u1", project.calledOptions.user().userId());
        assertEquals("ann", project.calledOptions.user().username());

        assertTrue(cli.run("run", "tool", "t", "-u", "@none.json").err()
                .contains("User context file not found: none.json"));
        Cli.Outcome bad = cli.run("run", "tool", "t", "-u", "{nope");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("Invalid JSON in user context: "), bad.err());
    }

    @Test
    void requestHeadersMustBeAnObject() {
        cli.run("run", "tool", "t", "--request-headers", "{\"x-tenant\": \"acme\", \"x-n\": 3}", "--json-output");
        assertEquals(Map.of("x-tenant", "acme", "x-n", "3"), project.calledOptions.requestHeaders());
        Cli.Outcome outcome = cli.run("run", "tool", "t", "--request-headers", "[1]");
        assertEquals(2, outcome.exit());
        assertTrue(outcome.err().contains("Request headers must be a JSON object"), outcome.err());
    }

    @Test
    void skipOutputValidationAndReadOnlyAreHandedOn() {
        cli.run("run", "tool", "t", "--skip-output-validation", "--readonly");
        assertTrue(project.calledOptions.skipOutputValidation());
        assertTrue(cli.services.openedWith.get(0).readOnly());
    }

    @Test
    void endpointErrorsGoThroughTheGenericHandler() {
        project.failure = new EndpointException(EndpointException.Reason.NOT_FOUND, "Endpoint 'nope' not found in tools");
        Cli.Outcome json = cli.run("run", "tool", "nope", "--json-output");
        assertEquals(1, json.exit());
        assertEquals("{\n  \"status\": \"error\",\n  \"error\": \"Endpoint 'nope' not found in tools\"\n}\n", json.out());
        assertEquals("Aborted!\n", json.err());

        Cli.Outcome human = cli.run("run", "tool", "nope");
        assertEquals(1, human.exit());
        assertEquals("Error: Endpoint 'nope' not found in tools\nAborted!\n", human.err());
    }

    @Test
    void debugAddsTheTraceback() {
        project.failure = new EndpointException(EndpointException.Reason.EXECUTION_FAILED, "boom");
        Cli.Outcome outcome = cli.run("run", "tool", "t", "--json-output", "--debug");
        assertTrue(outcome.out().contains("\"traceback\": \"io.mxcp.core.api.EndpointException: boom"), outcome.out());
        assertTrue(outcome.out().contains("\"type\": \"EndpointException\""), outcome.out());
        assertTrue(cli.run("run", "tool", "t", "--debug").err().contains("Traceback:\nio.mxcp.core.api.EndpointException"));
    }

    @Test
    void humanOutputHasAHeaderAndRendersRowsAsATable() {
        project.readOnly = true;
        project.result = List.of(Map.of("id", 1), Map.of("id", 2));
        String longValue = "x".repeat(60);
        Cli.Outcome outcome = cli.run("run", "tool", "rows", "-p", "q=" + longValue);
        assertEquals(0, outcome.exit(), outcome.err());
        String out = outcome.out();
        assertTrue(out.contains("🚀 Running tool rows"), out);
        assertTrue(out.contains("• q = " + "x".repeat(47) + "...\n"), out);
        assertTrue(out.contains("🔒 Mode: Read-only"), out);
        assertTrue(out.contains("✅ Success!"), out);
        assertTrue(out.contains("│ id │\n"), out);
        assertTrue(out.contains("│ 2  │\n"), out);
    }

    @Test
    void fileParametersAreShownAsSuch() throws IOException {
        Files.writeString(root.resolve("v.json"), "{\"a\": 1}");
        project.result = Map.of("a", 1);
        String out = cli.run("run", "tool", "t", "-p", "v=@v.json").out();
        assertTrue(out.contains("• v = <from file: v.json>"), out);
        assertTrue(out.contains("📋 Result:\n{\n  \"a\": 1\n}\n"), out);
    }

    @Test
    void anEndpointThatAsksTheClientForInputIsToldRunHasNoClient() {
        cli.run("run", "tool", "t", "--json-output");
        ClientInput input = project.calledOptions.clientInput();
        assertFalse(input.supports("elicitation"));
        EndpointExecutionException e = assertThrows(EndpointExecutionException.class,
                () -> input.ask(InputRequest.elicitation("Name?", Map.of())));
        assertEquals("the endpoint asked the MCP client for input (elicitation/create), which mxcp run cannot provide: "
                + "there is no MCP client to answer", e.getMessage());
    }
}
