package io.mxcp.core.internal.telemetry;

import java.lang.System.Logger.Level;
import java.util.function.Consumer;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.internal.types.HiddenTexts;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.telemetry.TelemetryException;
import io.mxcp.sdk.telemetry.TelemetryProvider;
import io.mxcp.sdk.telemetry.TelemetrySettings;

/**
 * The telemetry of one served project, shared by the project's generations across reloads: configured once, when the
 * server starts (spec 03 §6.1), and started again only when the telemetry bundle is replaced. Calls read the current
 * {@link ActiveTelemetry} without a lock; provider changes come one at a time from {@link TelemetrySessions}.
 */
public final class TelemetrySession {

    private static final System.Logger LOG = System.getLogger(TelemetrySession.class.getName());

    private final String key;
    private final TelemetrySettings settings;
    private final ServedIdentity server;
    /** The project generations using this session; guarded by {@link TelemetrySessions}. */
    int users;
    /** Null while no provider serves (telemetry off, or no telemetry bundle installed). */
    private volatile ActiveTelemetry active;
    /** Whether the server serves the project yet: only then is it reported up. */
    private volatile boolean serving;

    /** @param settings what to start, or null when the profile's telemetry is off */
    TelemetrySession(String key, TelemetrySettings settings, ServedIdentity server) {
        this.key = key;
        this.settings = settings;
        this.server = server;
    }

    /** The served project's root and profile. */
    String key() {
        return key;
    }

    TelemetrySettings settings() {
        return settings;
    }

    /**
     * Begins a call on the current telemetry; {@link CallTelemetry#NONE} when there is none.
     *
     * @param hidden the values the call's spans must not show in error messages
     */
    public CallTelemetry startCall(EndpointKind kind, String identifier, CallOptions options, HiddenTexts hidden) {
        // a retired telemetry has been replaced before it refused the call: the second read finds its successor
        for (int attempt = 0; attempt < 2; attempt++) {
            ActiveTelemetry current = active;
            if (current == null) {
                return CallTelemetry.NONE;
            }
            if (current.enter()) {
                return CallTelemetry.begin(current, kind, identifier, options, hidden);
            }
        }
        return CallTelemetry.NONE;
    }

    /**
     * The server serves the project now: reported up ({@code mxcp.up}) on the current telemetry, and on each newer one
     * that takes over later. A server that fails to start is never reported up.
     */
    public void serving() {
        serving = true;
        onCurrent(current -> current.countUp(server));
    }

    /** Counts a reload of the served project ({@code mxcp.reloads_total}) on the current telemetry, if any. */
    public void countReload(boolean succeeded) {
        onCurrent(current -> current.metrics().reloadEnded(server.profile(), succeeded));
    }

    /** Does something on the current telemetry, if any, holding it so that a swap does not close it meanwhile. */
    private void onCurrent(Consumer<ActiveTelemetry> action) {
        ActiveTelemetry current = active;
        if (current != null && current.enter()) {
            try {
                action.accept(current);
            } finally {
                current.leave();
            }
        }
    }

    /** Starts telemetry from the provider; the session's first start, whose failure fails the server's start. */
    void start(TelemetryProvider provider) throws TelemetryException {
        if (settings != null) {
            active = ActiveTelemetry.start(provider, settings);
        }
    }

    /** Moves to a newer provider: calls from now on use it, those running finish on the previous one. */
    void moveTo(TelemetryProvider provider) {
        if (settings == null) {
            return;
        }
        ActiveTelemetry previous = active;
        try {
            ActiveTelemetry started = ActiveTelemetry.start(provider, settings);
            if (serving) {
                started.countUp(server);
            }
            active = started;
        } catch (TelemetryException | RuntimeException e) {
            LOG.log(Level.ERROR, "The new telemetry bundle cannot start; "
                    + (previous == null ? "calls stay untraced: " : "the previous one keeps serving: ") + e.getMessage(), e);
            return;
        }
        if (previous != null) {
            previous.retire();
        }
    }

    /**
     * A provider goes: when it serves this session, the successor (the newest provider left, or null) takes over and
     * the leaving one is closed before this returns, so nothing of its bundle stays in use.
     */
    void providerGone(TelemetryProvider gone, TelemetryProvider successor) {
        ActiveTelemetry current = active;
        if (current == null || current.provider() != gone) {
            return;
        }
        if (successor != null) {
            moveTo(successor);
        }
        if (active == current) {
            active = null;
            current.retire();
            LOG.log(Level.WARNING, "The telemetry bundle was removed: calls are not traced until one is installed");
        }
    }

    /** Stops: what is pending is exported. */
    void close() {
        ActiveTelemetry current = active;
        active = null;
        if (current != null) {
            current.retire();
        }
    }
}
