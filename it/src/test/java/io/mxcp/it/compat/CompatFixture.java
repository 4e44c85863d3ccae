package io.mxcp.it.compat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.mxcp.it.CommandResult;
import io.mxcp.it.Distribution;
import io.mxcp.it.Leftovers;
import io.mxcp.it.Mxcp;

/**
 * What a compat test class runs its commands with, registered with {@code @RegisterExtension} on a static field:
 * before the class's {@code @BeforeAll} methods a workspace of its own and mxcp of the plain distribution (no Python
 * executor), and after the class the check that no command it ran is left running.
 */
final class CompatFixture implements BeforeAllCallback, AfterAllCallback {

    private Path work;
    private Mxcp mxcp;

    @Override
    public void beforeAll(ExtensionContext context) {
        work = Workspace.forClass(context.getRequiredTestClass());
        mxcp = new Mxcp(Distribution.home(), work);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Leftovers.assertNone(mxcp);
    }

    /** The class's workspace, where it writes its projects (also the HOME the commands see). */
    Path work() {
        return work;
    }

    /** Runs the commands a few at a time ({@link Batch}); the results in the order of the invocations. */
    List<CommandResult> run(List<Invocation> invocations) {
        return Batch.run(mxcp, invocations);
    }
}
