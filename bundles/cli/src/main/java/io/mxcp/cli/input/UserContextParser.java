package io.mxcp.cli.input;

import java.nio.file.Path;
import java.util.Map;

import io.mxcp.cli.context.CommandFailure;
import io.mxcp.core.api.ProfileUsers;
import io.mxcp.sdk.auth.UserContext;

/**
 * Turns {@code --user-context JSON|@file} into the caller of a CLI run: provider {@code cli}, {@code user_id}
 * and {@code username} defaulting to {@code cli_user}, and the whole object as the raw profile policies see.
 */
public final class UserContextParser {

    static final String PROVIDER = "cli";
    static final String DEFAULT_USER = "cli_user";

    private UserContextParser() {
    }

    public static UserContext parse(String argument, Path workingDirectory) throws CommandFailure {
        Object json = JsonArgument.parse(argument, workingDirectory, "user context");
        if (!(json instanceof Map<?, ?> object)) {
            throw CommandFailure.badParameter("User context must be a JSON object");
        }
        return ProfileUsers.of(object, PROVIDER, DEFAULT_USER);
    }
}
