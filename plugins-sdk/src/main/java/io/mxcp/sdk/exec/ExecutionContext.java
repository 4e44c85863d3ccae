package io.mxcp.sdk.exec;

import java.util.Map;
import java.util.Optional;

import io.mxcp.sdk.auth.UserContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The call an executor serves: who calls, with which request headers, whether it still wants the answer, where its
 * progress and log messages go, how it asks the client for input and how it reloads the server.
 */
@ProviderType
public interface ExecutionContext {

    /** The authenticated user, if any. */
    Optional<UserContext> user();

    /** The request headers (HTTP header names lower-cased), empty when there are none. */
    Map<String, String> requestHeaders();

    CancellationSignal cancellation();

    /** Where the endpoint's progress and log messages go. */
    default CallNotifications notifications() {
        return CallNotifications.none();
    }

    /** Asks the MCP client of the call for input (elicitation, sampling, roots); see {@link ClientInput}. */
    default ClientInput clientInput() {
        return ClientInput.unavailable("but this call has no MCP client to ask");
    }

    /**
     * How the call came in, as the original names it: {@code cli} (a command such as {@code run} or {@code test}),
     * {@code stdio} or {@code streamable-http} (an MCP client of a server).
     *
     * @since 1.7
     */
    default String transport() {
        return "cli";
    }

    /**
     * Reloads the server running this call; empty when no server runs it (the CLI's {@code run}, tests, hooks).
     *
     * @since 1.4
     */
    default Optional<ServerReload> serverReload() {
        return Optional.empty();
    }
}
