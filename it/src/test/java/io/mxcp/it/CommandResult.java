package io.mxcp.it;

import com.fasterxml.jackson.databind.JsonNode;

/** What a finished command left behind. */
public record CommandResult(int exitCode, String stdout, String stderr) {

    /** stdout as the one JSON document that --json-output promises. */
    public JsonNode json() {
        return Json.parse(stdout, "stdout of the command");
    }

    /** For assertion messages. */
    public String describe() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
