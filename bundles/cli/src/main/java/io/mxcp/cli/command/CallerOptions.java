package io.mxcp.cli.command;

import java.nio.file.Path;
import java.util.Map;

import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.input.RequestHeadersParser;
import io.mxcp.cli.input.UserContextParser;
import io.mxcp.sdk.auth.UserContext;
import picocli.CommandLine.Option;

/** {@code --user-context} and {@code --request-headers}: who makes the calls of {@code run} and {@code test}. */
public final class CallerOptions {

    @Option(names = {"--user-context", "-u"}, paramLabel = "JSON|@FILE",
            description = "The caller as a JSON object (provider cli; user_id and username default to cli_user); "
                    + "test runs every test as this caller instead of its own user_context.")
    String userContext;

    @Option(names = "--request-headers", paramLabel = "JSON|@FILE",
            description = "Request headers as a JSON object, as SQL and Python see them.")
    String requestHeaders;

    public CallerOptions() {
    }

    /** The caller named on the command line, or null. */
    UserContext user(Path workingDirectory) throws CommandFailure {
        return userContext == null ? null : UserContextParser.parse(userContext, workingDirectory);
    }

    /** The request headers named on the command line, or none. */
    Map<String, String> headers(Path workingDirectory) throws CommandFailure {
        return requestHeaders == null ? Map.of() : RequestHeadersParser.parse(requestHeaders, workingDirectory);
    }
}
