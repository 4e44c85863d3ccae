package io.mxcp.core.internal.audit;

import java.lang.System.Logger.Level;
import java.util.Map;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.internal.pipeline.CallTrace;
import io.mxcp.core.internal.pipeline.EndpointPipeline;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * Runs a project's calls through the pipeline and records those a server makes (spec 03 §3.2): one record per tool,
 * resource or prompt call that reached an endpoint, successful or not — policy denials and invalid arguments
 * included; a call to an unknown endpoint is not recorded.
 */
public final class AuditedCalls implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AuditedCalls.class.getName());

    private final EndpointPipeline pipeline;
    private final ProjectAuditTrail trail;
    /** Started with the first recorded call; guarded by {@code this}, as is {@code closed}. */
    private AuditWriter writer;
    private boolean closed;

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
        Object result;
        try {
            result = pipeline.execute(kind, identifier, arguments, options, trace);
        } catch (EndpointException e) {
            if (e.reason() != EndpointException.Reason.NOT_FOUND) {
                record(kind, identifier, arguments, options, trace, begin, null, e.getMessage());
            }
            throw e;
        } catch (RuntimeException e) {
            record(kind, identifier, arguments, options, trace, begin, null, String.valueOf(e.getMessage()));
            throw e;
        }
        record(kind, identifier, arguments, options, trace, begin, result, null);
        return result;
    }

    private void record(EndpointKind kind, String identifier, Map<String, Object> arguments, CallOptions options,
            CallTrace trace, long begin, Object output, String error) {
        long durationMs = (System.nanoTime() - begin) / 1_000_000;
        AuditRecord record = CallRecords.of(kind, identifier, arguments, trace, options.auditCaller(), options.user(),
                durationMs, output, error);
        // under the lock close() takes: a record handed over before it is written by the writer's last batch
        synchronized (this) {
            if (!closed) {
                if (writer == null) {
                    writer = trail.newWriter();
                }
                writer.submit(record);
                return;
            }
        }
        LOG.log(Level.ERROR, "CRITICAL: the call of {0} ended after its project closed; its audit record is lost",
                identifier);
    }

    /** Writes what is queued and stops the writer. */
    @Override
    public void close() {
        AuditWriter stopping;
        synchronized (this) {
            closed = true;
            stopping = writer;
            writer = null;
        }
        if (stopping != null) {
            stopping.close();
        }
    }
}
