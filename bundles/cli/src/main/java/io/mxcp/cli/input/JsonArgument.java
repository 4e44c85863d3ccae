package io.mxcp.cli.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.output.InvalidJsonException;
import io.mxcp.cli.output.Json;

/**
 * An option that takes JSON inline or from {@code @file} ({@code --user-context}, {@code --request-headers});
 * errors name the option's subject, e.g. {@code Invalid JSON in user context file ctx.json: ...}.
 */
final class JsonArgument {

    private JsonArgument() {
    }

    /**
     * @param subject what the JSON describes, in lower case ({@code user context})
     */
    static Object parse(String argument, Path workingDirectory, String subject) throws CommandFailure {
        if (argument.startsWith("@")) {
            String path = argument.substring(1);
            Path file = workingDirectory.resolve(path);
            if (!Files.isRegularFile(file)) {
                throw CommandFailure.badParameter(capitalized(subject) + " file not found: " + path);
            }
            try {
                return Json.parse(Files.readAllBytes(file));
            } catch (InvalidJsonException e) {
                throw CommandFailure.badParameter("Invalid JSON in " + subject + " file " + path + ": " + e.getMessage());
            } catch (IOException e) {
                throw CommandFailure.badParameter("Cannot read " + subject + " file " + path + ": " + e.getMessage());
            }
        }
        try {
            return Json.parse(argument);
        } catch (InvalidJsonException e) {
            throw CommandFailure.badParameter("Invalid JSON in " + subject + ": " + e.getMessage());
        }
    }

    private static String capitalized(String subject) {
        return Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
    }
}
