package io.mxcp.core.internal.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.mxcp.core.api.AuditCaller;
import io.mxcp.core.api.CallOptions;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.CallNotifications;
import io.mxcp.sdk.exec.CancellationSignal;
import io.mxcp.sdk.exec.ClientInput;
import io.mxcp.sdk.exec.ExecutionContext;
import io.mxcp.sdk.exec.ServerReload;

/**
 * The {@link ExecutionContext} an executor sees for one call.
 *
 * @param client how to ask the caller's MCP client for input, or null when there is none
 * @param reload how to reload the server running the call, or null when no server runs it
 * @param transport {@code cli}, {@code stdio} or {@code streamable-http}
 */
record CallContext(Optional<UserContext> user, Map<String, String> requestHeaders, CancellationSignal cancellation,
        CallNotifications notifications, ClientInput client, ServerReload reload, String transport)
        implements ExecutionContext {
    private static final String CLI = "cli";

    static CallContext of(CallOptions options) {
        if (options == null) {
            return new CallContext(Optional.empty(), Map.of(), CancellationSignal.never(), CallNotifications.none(),
                    null, null, CLI);
        }
        return new CallContext(Optional.ofNullable(options.user()),
                // the headers keep their order: get_request_headers_json() prints them as given (spec 01 §4.3)
                options.requestHeaders() == null ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(options.requestHeaders())),
                options.cancellation() == null ? CancellationSignal.never() : options.cancellation(),
                options.notifications() == null ? CallNotifications.none() : options.notifications(),
                options.clientInput(), options.serverReload(), transport(options.auditCaller()));
    }

    /** Only calls an MCP server runs have a caller: the CLI's commands do not record theirs. */
    private static String transport(AuditCaller caller) {
        if (caller == null) {
            return CLI;
        }
        return "http".equals(caller.type()) ? "streamable-http" : caller.type();
    }

    @Override
    public ClientInput clientInput() {
        return client == null ? ExecutionContext.super.clientInput() : client;
    }

    @Override
    public Optional<ServerReload> serverReload() {
        return Optional.ofNullable(reload);
    }
}
