package io.mxcp.cli.serve;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.api.ValidationResult;
import io.mxcp.kernel.api.ProcessSignalHandler;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.sdk.exec.ReloadPayload;
import io.mxcp.sdk.exec.ServerReload;

/**
 * Reloads a served project (spec 03 §5) on SIGHUP and when an endpoint asks ({@link ServerReload}, Python's
 * {@code reload_duckdb}), and owns the project served at each moment. One reload: re-read mxcp-site.yml and the
 * user config for the active profile and resolve their references again (a config that cannot be read or resolved
 * ends the reload here, the server untouched); then, with the server holding endpoint calls back and the running
 * ones finished, shut the old runtime down (Python {@code on_shutdown} hooks, plugins, DuckDB connections), run the
 * endpoint's payload if any, start the new runtime ({@code on_init}) and serve its endpoints, skipping invalid ones.
 * When the payload fails or the new runtime cannot start, the previous configuration is started again and serves.
 * Reloads run one at a time, in the order asked, on a thread of their own; the ones asked before {@link #serve} or
 * after {@link #close} do nothing.
 */
public final class ProjectReloader implements ProcessSignalHandler, ServerReload, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProjectReloader.class.getName());
    private static final String KEEPING = "Reload failed, the previous configuration keeps serving: ";
    /** How an endpoint's reload without a description is logged (the original's words). */
    private static final String ENDPOINT_RELOAD = "DuckDB reload via runtime API";
    /** How long closing waits for a reload under way (its drain alone may take 90 s). */
    private static final long CLOSE_WAIT_SECONDS = 120;

    /** Reads the site and user config again. */
    @FunctionalInterface
    public interface ConfigReader {
        /** @throws Exception e.g. a {@link ProjectException} naming the file that cannot be read */
        Project open() throws Exception;
    }

    private final ConfigReader config;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(
            task -> Thread.ofPlatform().daemon().name("mxcp-reload").unstarted(task));
    private volatile RunningServer server;
    private volatile Project served;
    /** Where the reload under way is; read by the admin socket's {@code /status}. */
    private volatile ReloadStatus.Phase phase = ReloadStatus.Phase.IDLE;
    /** Why the reload under way keeps the previous configuration, or null. */
    private volatile String failure;
    private volatile ReloadStatus.Outcome lastOutcome;
    /** The invalid endpoint files the reload under way serves without; written and read on the reload's thread. */
    private List<ValidationResult> skipped = List.of();
    /** A configuration reload that is queued and has not started, or null; guarded by this. */
    private Future<Boolean> queuedReload;

    /** @param config opens the project anew from the files, for the profile active now */
    public ProjectReloader(ConfigReader config) {
        this.config = config;
    }

    /**
     * Starts taking reloads for a server.
     *
     * @param server  the running server
     * @param current the project it serves now
     */
    public void serve(RunningServer server, Project current) {
        this.served = current;
        this.server = server;
    }

    /** SIGHUP queues a reload; the other signals are not a reload's business. */
    @Override
    public boolean handle(ProcessSignal signal) {
        if (signal != ProcessSignal.HANGUP) {
            return false;
        }
        LOG.log(Level.INFO, "SIGHUP received: reloading the configuration");
        request();
        return true;
    }

    /**
     * Queues a reload; completes with whether the new configuration serves (false at once when not serving). While
     * one is queued and has not started, another request joins it: it will read the files as they are when it starts,
     * so a burst of SIGHUPs (or of admin reloads) makes one reload, not one per signal.
     */
    public Future<Boolean> request() {
        synchronized (this) {
            // one refused at once (not serving, closing) never started: it is not joined
            if (queuedReload == null || queuedReload.isDone()) {
                queuedReload = queue(null, () -> {
                    synchronized (this) {
                        queuedReload = null;
                    }
                });
            }
            return queuedReload;
        }
    }

    /** An endpoint's reload: queued like SIGHUP's, with the payload run while the runtime is shut down. */
    @Override
    public void request(String description, ReloadPayload payload) {
        LOG.log(Level.INFO, "Reload requested by an endpoint: "
                + (description == null || description.isBlank() ? ENDPOINT_RELOAD : description));
        queue(payload, () -> { });
    }

    /** @param starting runs on the reload thread as the reload starts */
    private Future<Boolean> queue(ReloadPayload payload, Runnable starting) {
        if (server == null) {
            release(payload);
            return CompletableFuture.completedFuture(false);
        }
        try {
            return queue.submit(() -> {
                starting.run();
                try {
                    return reload(payload);
                } finally {
                    release(payload);
                }
            });
        } catch (RejectedExecutionException closing) {
            release(payload);
            return CompletableFuture.completedFuture(false);
        }
    }

    /** The project served now. */
    public Project served() {
        return served;
    }

    /** Whether a reload is under way, the calls running now (none before serving), and how the last reload ended. */
    public ReloadStatus status() {
        RunningServer running = server;
        return new ReloadStatus(phase, running == null ? 0 : running.activeRequests(), lastOutcome);
    }

    private boolean reload(ReloadPayload payload) {
        failure = null;
        skipped = List.of();
        phase = ReloadStatus.Phase.READING;
        boolean started = false;
        try {
            started = swap(payload);
            return started;
        } finally {
            lastOutcome = new ReloadStatus.Outcome(Instant.now(), started, started ? null : failure,
                    started ? skipped : List.of());
            phase = ReloadStatus.Phase.IDLE;
            served.reloadEnded(started);
        }
    }

    private boolean swap(ReloadPayload payload) {
        Project opened;
        try {
            opened = config.open();
        } catch (Exception e) {
            keep(message(e), null);
            return false;
        }
        Project before = served;
        AtomicBoolean started = new AtomicBoolean();
        phase = ReloadStatus.Phase.DRAINING;
        try {
            server.reload(current -> {
                phase = ReloadStatus.Phase.SWAPPING;
                current.close();
                Project next = ran(payload) ? start(opened) : abandon(opened);
                started.set(next != null);
                served = next != null ? next : restart(current);
                return served;
            });
        } catch (Exception e) {
            keep(message(e), e);
            return false;
        }
        if (started.get()) {
            RestartOnlySettings.warnOfChanges(before, opened);
            LOG.log(Level.INFO, "Reload complete: project " + opened.name() + ", profile " + opened.profile());
        }
        return started.get();
    }

    /** Runs the payload, if any, while nothing of the project runs; false when it failed. */
    private boolean ran(ReloadPayload payload) {
        if (payload == null) {
            return true;
        }
        try {
            payload.run();
            return true;
        } catch (Exception e) {
            keep("the reload payload failed: " + message(e), null);
            return false;
        }
    }

    /** Starts the new runtime; null when it cannot start. */
    private Project start(Project opened) {
        try {
            opened.initializeRuntime();
        } catch (ProjectException | RuntimeException e) {
            keep(message(e), null);
            return abandon(opened);
        }
        List<ValidationResult> invalid = ServedProject.invalidEndpoints(opened);
        invalid.forEach(result -> LOG.log(Level.WARNING, "Reload skips the invalid endpoint file "
                + result.relativePath() + ": " + result.message()));
        skipped = invalid;
        return ServedProject.skipping(opened, invalid, this);
    }

    /** Logs why the previous configuration keeps serving and remembers it for {@link #status()}. */
    private void keep(String reason, Exception cause) {
        failure = reason;
        LOG.log(Level.ERROR, KEEPING + reason, cause);
    }

    private static Project abandon(Project opened) {
        opened.close();
        return null;
    }

    /** The previous configuration again, with a runtime of its own. */
    private static Project restart(Project current) {
        Project previous = current.reopen();
        try {
            previous.initializeRuntime();
        } catch (ProjectException | RuntimeException e) {
            LOG.log(Level.ERROR, "Restarting the previous configuration failed too (calls will report it): "
                    + message(e));
        }
        return previous;
    }

    private static void release(ReloadPayload payload) {
        if (payload == null) {
            return;
        }
        try {
            payload.release();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Releasing a reload payload failed: " + message(e), e);
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Takes no more reloads, waits (bounded) for one under way, then closes the project served last. */
    @Override
    public void close() {
        queue.shutdown();
        try {
            if (!queue.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "A reload is still running after " + CLOSE_WAIT_SECONDS + " s; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (served != null) {
            served.close();
        }
    }
}
