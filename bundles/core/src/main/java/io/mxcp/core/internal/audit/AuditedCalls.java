package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.internal.pipeline.CallTrace;
import io.mxcp.core.internal.pipeline.EndpointPipeline;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.kernel.api.FileFailureText;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * Runs a project's calls through the pipeline and records those a server makes (spec 03 §3.2): one record per tool,
 * resource or prompt call that reached an endpoint, successful or not — policy denials and invalid arguments
 * included; a call to an unknown endpoint is not recorded. In fail-closed mode ({@code audit.mode: fail_closed}) a
 * call completes only once its record is written, and is refused before it runs while the log is known unwritable.
 */
public final class AuditedCalls {

    private static final System.Logger LOG = System.getLogger(AuditedCalls.class.getName());
    /** How long a fail-closed call waits for its record when no write fails meanwhile (a stalled disk, say). */
    private static final Duration CONFIRM_WAIT = Duration.ofSeconds(30);
    private static final String REFUSED = ", so the call was refused: audit.mode is fail_closed";

    private final EndpointPipeline pipeline;
    private final ProjectAuditTrail trail;

    public AuditedCalls(EndpointPipeline pipeline, ProjectAuditTrail trail) {
        this.pipeline = pipeline;
        this.trail = trail;
    }

    /** @param trace where the call's stages note what they did (its telemetry gives the record its trace id) */
    public Object execute(EndpointKind kind, String identifier, Map<String, Object> arguments, CallOptions options,
            CallTrace trace) throws EndpointException {
        if (options == null || options.auditCaller() == null || !trail.enabled()) {
            return pipeline.execute(kind, identifier, arguments, options, trace);
        }
        long begin = System.nanoTime();
        boolean failClosed = trail.failClosed();
        if (failClosed) {
            refuseWhileUnwritable(kind, identifier, arguments, options, trace, begin);
        }
        Object result;
        try {
            result = pipeline.execute(kind, identifier, arguments, options, trace);
        } catch (EndpointException | RuntimeException | Error e) {
            boolean unknown = e instanceof EndpointException failed && failed.reason() == EndpointException.Reason.NOT_FOUND;
            if (!unknown) {
                CompletableFuture<Void> written = record(kind, identifier, arguments, options, trace, begin, null,
                        String.valueOf(e.getMessage()), failClosed);
                if (failClosed) {
                    awaitWritten(written, trace, e);
                }
            }
            throw e;
        }
        CompletableFuture<Void> written = record(kind, identifier, arguments, options, trace, begin, result, null,
                failClosed);
        if (failClosed) {
            awaitWritten(written, trace, null);
        }
        return result;
    }

    /**
     * Fail-closed mode: refuses a call before it runs while its record is known not to be writable (no backend, the
     * last write failed, or before the first write the log's folder cannot take a file), so its side effect does not
     * happen unrecorded. The refusal is recorded, written once the log can be again; a call to an unknown endpoint is
     * not (as always).
     */
    private void refuseWhileUnwritable(EndpointKind kind, String identifier, Map<String, Object> arguments,
            CallOptions options, CallTrace trace, long begin) throws EndpointException {
        IOException unwritable = knownFailure();
        if (unwritable == null) {
            return;
        }
        pipeline.resolve(kind, identifier, trace);
        // the record says where and why; the caller, maybe a remote client, learns what happened, not the server's
        // paths (the writer logs them)
        record(kind, identifier, arguments, options, trace, begin, null, "The audit log " + trail.path()
                + " cannot be written (" + FileFailureText.of(unwritable) + ")" + REFUSED, false);
        trace.telemetry().metrics().auditFailed("refused");
        throw new EndpointException(EndpointException.Reason.EXECUTION_FAILED, "The audit log cannot be written"
                + REFUSED);
    }

    private IOException knownFailure() {
        IOException failed = trail.queue().failure();
        if (failed == null) {
            failed = trail.noBackendInstalled();
        }
        return failed != null || trail.queue().started() ? failed : trail.unwritableFolders();
    }

    /**
     * Waits until the call's record is durably written; otherwise the call fails, whatever it returned.
     *
     * @param callFailure the call's own failure, kept as suppressed when the record's failure replaces it
     */
    private void awaitWritten(CompletableFuture<Void> written, CallTrace trace, Throwable callFailure)
            throws EndpointException {
        String why;
        try {
            written.get(CONFIRM_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return;
        } catch (ExecutionException e) {
            why = e.getCause().getMessage(); // the writer logs it with the log's path
        } catch (TimeoutException e) {
            why = "not written within " + CONFIRM_WAIT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted while waiting for the write";
        }
        LOG.log(Level.WARNING, "A call failed in fail_closed mode: its record could not be written to the audit log "
                + trail.path() + " (" + why + ")");
        EndpointException unrecorded = new EndpointException(EndpointException.Reason.EXECUTION_FAILED,
                "The call's record could not be written to the audit log, so the call failed: audit.mode is "
                        + "fail_closed");
        if (callFailure != null) {
            unrecorded.addSuppressed(callFailure);
        }
        trace.telemetry().metrics().auditFailed("unrecorded");
        throw unrecorded;
    }

    /**
     * Hands the call's record to the writer.
     *
     * @param confirmed whether the call waits for the write (fail-closed mode)
     * @return completes when the record is written if confirmed; else already complete
     */
    private CompletableFuture<Void> record(EndpointKind kind, String identifier, Map<String, Object> arguments,
            CallOptions options, CallTrace trace, long begin, Object output, String error, boolean confirmed) {
        long durationMs = (System.nanoTime() - begin) / 1_000_000;
        AuditRecord record = CallRecords.of(kind, identifier, arguments, trace, options.auditCaller(), options.user(),
                durationMs, output, error, trail);
        CompletableFuture<Void> written = trail.queue().submit(record, confirmed);
        if (written != null) {
            return written;
        }
        LOG.log(Level.ERROR, "CRITICAL: the call of {0} ended after its project closed; its audit record is lost",
                identifier);
        return CompletableFuture.failedFuture(new IOException("the project closed before the call ended"));
    }
}
