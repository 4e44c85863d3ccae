package io.mxcp.core.api;

import java.util.Map;

import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.CallNotifications;
import io.mxcp.sdk.exec.CancellationSignal;
import io.mxcp.sdk.exec.ClientInput;
import io.mxcp.sdk.exec.ServerReload;
import io.mxcp.sdk.telemetry.TraceContext;

/**
 * Who makes a call and how.
 *
 * @param user                 the caller, or null
 * @param requestHeaders       request headers (names lower-cased for HTTP), or empty
 * @param cancellation         the caller's cancellation
 * @param skipOutputValidation the CLI's {@code --skip-output-validation}
 * @param notifications        where the endpoint's progress and log messages go
 * @param clientInput          how the endpoint asks the caller's MCP client for input, or null when there is no
 *                             client to ask
 * @param serverReload         how the endpoint reloads the server that runs it, or null when no server does
 * @param auditCaller          how the call appears in the audit log, or null when it is not recorded (since 1.5)
 * @param traceContext         the caller's W3C trace context the call's spans continue, or null (since 1.7)
 */
public record CallOptions(UserContext user, Map<String, String> requestHeaders, CancellationSignal cancellation,
        boolean skipOutputValidation, CallNotifications notifications, ClientInput clientInput,
        ServerReload serverReload, AuditCaller auditCaller, TraceContext traceContext) {

    /** Options of a call that continues no caller's trace. */
    public CallOptions(UserContext user, Map<String, String> requestHeaders, CancellationSignal cancellation,
            boolean skipOutputValidation, CallNotifications notifications, ClientInput clientInput,
            ServerReload serverReload, AuditCaller auditCaller) {
        this(user, requestHeaders, cancellation, skipOutputValidation, notifications, clientInput, serverReload,
                auditCaller, null);
    }

    /** Options of a call the audit log does not record. */
    public CallOptions(UserContext user, Map<String, String> requestHeaders, CancellationSignal cancellation,
            boolean skipOutputValidation, CallNotifications notifications, ClientInput clientInput,
            ServerReload serverReload) {
        this(user, requestHeaders, cancellation, skipOutputValidation, notifications, clientInput, serverReload, null);
    }

    /** Options of a call no server runs (or whose server lets no endpoint reload it). */
    public CallOptions(UserContext user, Map<String, String> requestHeaders, CancellationSignal cancellation,
            boolean skipOutputValidation, CallNotifications notifications, ClientInput clientInput) {
        this(user, requestHeaders, cancellation, skipOutputValidation, notifications, clientInput, null);
    }

    /** Options of a call that has no MCP client to ask for input. */
    public CallOptions(UserContext user, Map<String, String> requestHeaders, CancellationSignal cancellation,
            boolean skipOutputValidation, CallNotifications notifications) {
        this(user, requestHeaders, cancellation, skipOutputValidation, notifications, null, null);
    }

    /** Options of a call whose progress and log messages nobody receives and that has no MCP client to ask. */
    public CallOptions(UserContext user, Map<String, String> requestHeaders, CancellationSignal cancellation,
            boolean skipOutputValidation) {
        this(user, requestHeaders, cancellation, skipOutputValidation, CallNotifications.none(), null, null);
    }

    /** These options, with the server's reload for the endpoint. */
    public CallOptions withServerReload(ServerReload reload) {
        return new CallOptions(user, requestHeaders, cancellation, skipOutputValidation, notifications, clientInput,
                reload, auditCaller, traceContext);
    }

    /**
     * These options, recorded in the audit log as made by the caller.
     *
     * @since 1.5
     */
    public CallOptions withAuditCaller(AuditCaller caller) {
        return new CallOptions(user, requestHeaders, cancellation, skipOutputValidation, notifications, clientInput,
                serverReload, caller, traceContext);
    }

    /**
     * These options, continuing the caller's trace.
     *
     * @since 1.7
     */
    public CallOptions withTraceContext(TraceContext context) {
        if (context == traceContext) {
            return this;
        }
        return new CallOptions(user, requestHeaders, cancellation, skipOutputValidation, notifications, clientInput,
                serverReload, auditCaller, context);
    }
}
