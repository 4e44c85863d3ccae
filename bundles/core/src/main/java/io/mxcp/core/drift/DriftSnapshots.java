package io.mxcp.core.drift;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.internal.drift.DatabaseTables;
import io.mxcp.core.internal.drift.EndpointFileEntries;
import io.mxcp.core.internal.drift.Timestamps;
import io.mxcp.sdk.exec.CancellationSignal;

/** Takes drift snapshots of opened projects (spec 02 reference §6.1). */
public final class DriftSnapshots {

    private DriftSnapshots() {
    }

    /**
     * The project's tables and every endpoint file's validation, tests (run without a user) and definition. The
     * runtime is started first, so plugins and their SQL functions are in place as for {@code validate} and
     * {@code test}.
     *
     * @throws ProjectException  when the runtime cannot start
     * @throws EndpointException when the database's catalog cannot be read
     */
    public static DriftSnapshot take(Project project) throws ProjectException, EndpointException {
        return take(project, CancellationSignal.never());
    }

    /**
     * As {@link #take(Project)}, stopped by the signal (Ctrl-C): the endpoint test running is cancelled and no
     * further one starts, so the snapshot is incomplete — the caller drops it.
     *
     * @since 1.1
     */
    public static DriftSnapshot take(Project project, CancellationSignal cancellation)
            throws ProjectException, EndpointException {
        project.initializeRuntime();
        List<Map<String, Object>> resources = EndpointFileEntries.of(project, cancellation);
        List<Map<String, Object>> tables = DatabaseTables.of(project);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", 1);
        json.put("generated_at", Timestamps.now());
        json.put("tables", tables);
        json.put("resources", resources);
        return new DriftSnapshot(json);
    }
}
