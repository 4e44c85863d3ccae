package io.mxcp.it.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.it.CommandResult;
import io.mxcp.it.Json;

/** Assertions on what a {@code --json-output} command printed. */
final class Outcomes {

    private Outcomes() {
    }

    /** The payload of {@code {"status": "ok", "result": ...}}, after checking exit code 0. */
    static JsonNode result(CommandResult command) {
        assertEquals(0, command.exitCode(), command::describe);
        JsonNode document = command.json();
        assertEquals("ok", document.path("status").asText(), command::describe);
        return document.path("result");
    }

    /** Checks {@code {"status": "error", "error": message}} and exit code 1. */
    static void error(CommandResult command, String message) {
        assertEquals(1, command.exitCode(), command::describe);
        JsonNode document = command.json();
        assertEquals("error", document.path("status").asText(), command::describe);
        assertEquals(message, document.path("error").asText(), command::describe);
    }

    /** Parses expected JSON written in a test. */
    static JsonNode json(String text) {
        return Json.parse(text, "expected JSON");
    }
}
