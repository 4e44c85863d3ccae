package io.mxcp.executor.python;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.mxcp.executor.python.project.PythonProject;
import io.mxcp.kernel.api.DuckDbHost;
import io.mxcp.kernel.polyglot.PolyglotHost;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointExecutor;
import io.mxcp.sdk.exec.ExecutorSession;
import io.mxcp.sdk.exec.ProjectRuntime;

/**
 * The executor for {@code language: python}: GraalPy on the kernel's shared polyglot engine. Python's
 * {@code db.execute} goes through the SQL executor, found per session as an optional service.
 */
@Component(service = EndpointExecutor.class, property = "mxcp.language=python")
public final class PythonExecutor implements EndpointExecutor {

    private final DuckDbHost duckDb;
    private final PolyglotHost polyglot;
    private final Interpreters interpreters = new Interpreters();

    @Reference(target = "(mxcp.language=sql)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EndpointExecutor sqlExecutor;

    @Activate
    public PythonExecutor(@Reference DuckDbHost duckDb, @Reference PolyglotHost polyglot) {
        this.duckDb = duckDb;
        this.polyglot = polyglot;
    }

    @Override
    public String language() {
        return "python";
    }

    @Override
    public ExecutorSession open(ProjectRuntime project) throws EndpointExecutionException {
        PythonProject python;
        try {
            python = PythonProject.of(project);
        } catch (PythonProject.InvalidProjectException e) {
            throw new EndpointExecutionException("Failed to create RuntimeEnvironment: " + e.getMessage(), e);
        }
        PythonSession session = new PythonSession(project, python, duckDb, polyglot, interpreters, () -> sqlExecutor);
        try {
            session.startIfNeeded();
        } catch (EndpointExecutionException | RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /** The interpreters kept for the projects' next generations go with the executor. */
    @Deactivate
    void deactivate() {
        interpreters.close();
    }
}
