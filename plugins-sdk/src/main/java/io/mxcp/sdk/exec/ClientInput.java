package io.mxcp.sdk.exec;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Asks the MCP client of the current call for input ({@link InputRequest}) and returns its answers. How depends on
 * the protocol revision the call came in on:
 * <ul>
 * <li>2025-era clients (a session or stdio connection) get real requests and the call waits for their answers.</li>
 * <li>2026-07-28 requests are stateless: an ask the request does not already answer stops the endpoint with
 * {@link InputRequiredException}; the client is sent the input requests, answers them and sends the call again, and
 * the endpoint runs again from the start, its earlier asks now answered. So an endpoint that asks must do the same
 * asks, with the same keys, in the same order on every run, and should ask before it changes anything.</li>
 * </ul>
 * Every ask needs the client capability of its kind ({@link #supports}); asking without it fails with
 * {@link MissingClientCapabilityException}. Where there is no client (the CLI), every ask fails with a message that
 * says so. Answers are JSON-ready maps in MCP's result form: {@code {action, content}} for elicitation, the
 * {@code CreateMessageResult} for sampling, {@code {roots: [...]}} for roots.
 */
@ProviderType
public interface ClientInput {

    /** Whether the client declared a capability: {@code elicitation}, {@code sampling} or {@code roots}. */
    boolean supports(String capability);

    /**
     * Asks several things at once (a 2026-07-28 client gets them in one round).
     *
     * @param requests by key; a key names the ask across the rounds of a 2026-07-28 call, so it must be the same
     *                 on every run and unique within the call
     * @return the answers by key, in the order asked
     * @throws InputRequiredException           (2026-07-28) when some are not answered yet: let it propagate
     * @throws MissingClientCapabilityException when the client did not declare a capability a request needs
     * @throws EndpointExecutionException       when the client cannot be asked, answers with an error or not in
     *                                          time, or the call is cancelled while it waits
     */
    Map<String, Map<String, Object>> ask(Map<String, InputRequest> requests) throws EndpointExecutionException;

    /** Asks one thing under a key chosen by the endpoint (see {@link #ask(Map)}). */
    default Map<String, Object> ask(String key, InputRequest request) throws EndpointExecutionException {
        return ask(Map.of(key, request)).get(key);
    }

    /**
     * Asks one thing under a key given in order: {@code input-1} for the first such ask of the call,
     * {@code input-2} for the next, and so on (see {@link #ask(Map)}).
     */
    Map<String, Object> ask(InputRequest request) throws EndpointExecutionException;

    /**
     * Input for a call that has no client to ask: every ask fails with
     * {@code the endpoint asked the MCP client for input (<methods>), <why>}.
     */
    static ClientInput unavailable(String why) {
        return new NoClientInput(why);
    }
}
