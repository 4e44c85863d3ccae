package io.mxcp.core.internal.telemetry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.mxcp.core.api.ProjectException;
import io.mxcp.core.api.ServerInfo;
import io.mxcp.core.internal.config.ProjectSettings;
import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.sdk.telemetry.TelemetryException;
import io.mxcp.sdk.telemetry.TelemetryProvider;
import io.mxcp.sdk.telemetry.TelemetrySettings;

/**
 * The telemetry providers installed (newest last) and the telemetry of each served project, keyed by root and
 * profile and counted by the project generations using it: a reload opens the next generation before it closes the
 * previous one, so the session lives on; the server's end closes the last one, which flushes it.
 */
public final class TelemetrySessions {

    private static final System.Logger LOG = System.getLogger(TelemetrySessions.class.getName());

    private final List<TelemetryProvider> providers = new ArrayList<>();
    private final Map<String, TelemetrySession> sessions = new HashMap<>();

    public synchronized void add(TelemetryProvider provider) {
        providers.add(provider);
        sessions.values().forEach(session -> session.moveTo(provider));
    }

    /** Hands every session of the leaving provider to its successor and closes what it started, before returning. */
    public synchronized void remove(TelemetryProvider provider) {
        providers.remove(provider);
        TelemetryProvider successor = providers.isEmpty() ? null : providers.get(providers.size() - 1);
        sessions.values().forEach(session -> session.providerGone(provider, successor));
    }

    /**
     * The telemetry of a project a server opens: the running session of its root and profile (telemetry is configured
     * once per server, spec 03 §6.1), else a new one for the profile's {@code telemetry} block and the environment,
     * started from the newest provider.
     *
     * @throws ProjectException naming the setting that is invalid or that the provider refuses
     */
    public TelemetrySession open(ProjectSettings project, Map<String, String> env, ServerInfo server)
            throws ProjectException {
        ServedIdentity identity = new ServedIdentity(project.projectName(), project.activeProfile(), server.version(),
                server.transport() != null ? server.transport() : configuredTransport(project.userConfig()));
        String location = "projects." + project.projectName() + ".profiles." + project.activeProfile() + ".telemetry";
        @SuppressWarnings("unchecked")
        Map<String, Object> block = (Map<String, Object>) project.activeUserProfile().get("telemetry");
        try {
            TelemetrySettings settings = new TelemetrySettingsReader(env).read(block, location, identity).orElse(null);
            return open(project.root() + "\n" + project.activeProfile(), settings, identity);
        } catch (SchemaException e) {
            throw new ProjectException("Invalid telemetry settings: " + e.getMessage(), e);
        } catch (TelemetryException e) {
            throw new ProjectException("Telemetry cannot start: " + e.getMessage(), e);
        }
    }

    /** The user config's {@code transport.provider}, as {@code serve} reads it when no {@code --transport} is given. */
    private static String configuredTransport(Map<String, Object> userConfig) {
        return userConfig.get("transport") instanceof Map<?, ?> transport && transport.get("provider") != null
                ? String.valueOf(transport.get("provider")) : "streamable-http";
    }

    private synchronized TelemetrySession open(String key, TelemetrySettings settings, ServedIdentity server)
            throws TelemetryException {
        TelemetrySession session = sessions.get(key);
        if (session == null) {
            session = new TelemetrySession(key, settings, server);
            if (settings != null && providers.isEmpty()) {
                LOG.log(Level.WARNING, "Telemetry is on for profile {0} but no telemetry bundle is installed "
                        + "(mxcp-telemetry-otel): calls are not traced until one is", server.profile());
            } else if (settings != null) {
                session.start(providers.get(providers.size() - 1));
            }
            sessions.put(key, session);
        } else if (!Objects.equals(session.settings(), settings)) {
            LOG.log(Level.WARNING, "The telemetry settings changed; they apply when the server is restarted");
        }
        session.users++;
        return session;
    }

    /**
     * One more project generation uses the session (a restart of the previous configuration). After a failed
     * reload the session may have been closed by its last user meanwhile: the live session of its key is shared
     * then, or the closed one started again.
     */
    public synchronized TelemetrySession share(TelemetrySession session) {
        TelemetrySession live = sessions.get(session.key());
        if (live != null) {
            live.users++;
            return live;
        }
        sessions.put(session.key(), session);
        if (session.settings() != null && !providers.isEmpty()) {
            try {
                session.start(providers.get(providers.size() - 1));
            } catch (TelemetryException e) {
                LOG.log(Level.WARNING, "Telemetry cannot start again after the reload: {0}", e.getMessage());
            }
        }
        session.users++;
        return session;
    }

    /** A project generation is done with its session; the last one closes it (pending data is exported). */
    public synchronized void release(TelemetrySession session) {
        if (--session.users == 0) {
            // only its own entry: a newer session of the same key may have taken the place
            sessions.remove(session.key(), session);
            session.close();
        }
    }
}
