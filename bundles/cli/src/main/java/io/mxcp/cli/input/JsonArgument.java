package io.mxcp.cli.input;

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
            return JsonFile.read(argument.substring(1), workingDirectory, subject);
        }
        try {
            return Json.parse(argument);
        } catch (InvalidJsonException e) {
            throw CommandFailure.badParameter("Invalid JSON in " + subject + ": " + e.getMessage());
        }
    }
}
