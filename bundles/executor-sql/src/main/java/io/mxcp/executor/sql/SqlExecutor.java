package io.mxcp.executor.sql;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.mxcp.executor.sql.memory.MemoryGuard;
import io.mxcp.executor.sql.result.ResultBudget;
import io.mxcp.executor.sql.runtime.DuckDbRuntime;
import io.mxcp.kernel.api.DuckDbHost;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointExecutor;
import io.mxcp.sdk.exec.ExecutorSession;
import io.mxcp.sdk.exec.ProjectRuntime;

/** The executor for {@code language: sql}: DuckDB through the kernel's {@link DuckDbHost}. */
@Component(service = EndpointExecutor.class, property = "mxcp.language=sql")
public final class SqlExecutor implements EndpointExecutor {

    private final DuckDbHost host;
    /** One for every project generation's session: it watches the process's memory, which they share. */
    private final MemoryGuard memoryGuard = MemoryGuard.ofThisMachine();

    @Activate
    public SqlExecutor(@Reference DuckDbHost host) {
        this.host = host;
    }

    @Override
    public String language() {
        return "sql";
    }

    @Override
    public ExecutorSession open(ProjectRuntime project) throws EndpointExecutionException {
        return new SqlSession(DuckDbRuntime.open(host, project), ResultBudget.ofHeap(), memoryGuard);
    }

    @Deactivate
    void stop() {
        memoryGuard.close();
    }
}
