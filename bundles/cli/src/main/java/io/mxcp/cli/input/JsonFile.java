package io.mxcp.cli.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.output.InvalidJsonException;
import io.mxcp.cli.output.Json;

/**
 * The JSON of an {@code @file} argument. Any path that exists is read, as the original opens it: {@code @/dev/stdin},
 * a named pipe or a shell's {@code @<(…)} carry generated JSON into a command.
 */
final class JsonFile {

    private JsonFile() {
    }

    /**
     * @param subject what the JSON describes, in lower case ({@code user context}), or null for a parameter's value
     *                (whose messages say {@code JSON file})
     */
    static Object read(String path, Path workingDirectory, String subject) throws CommandFailure {
        Path file = workingDirectory.resolve(path);
        if (!Files.exists(file)) {
            throw CommandFailure.badParameter((subject == null ? "JSON" : capitalized(subject))
                    + " file not found: " + path);
        }
        try {
            return Json.parse(Files.readAllBytes(file));
        } catch (InvalidJsonException e) {
            throw CommandFailure.badParameter("Invalid JSON in " + (subject == null ? "" : subject + " ") + "file "
                    + path + ": " + e.getMessage());
        } catch (IOException e) {
            throw CommandFailure.badParameter("Cannot read " + (subject == null ? "JSON" : subject) + " file " + path
                    + ": " + e.getMessage());
        }
    }

    private static String capitalized(String subject) {
        return Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
    }
}
