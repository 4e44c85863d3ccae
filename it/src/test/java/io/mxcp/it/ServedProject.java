package io.mxcp.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * `mxcp serve --port` over streamable HTTP for the tests of one class, registered with {@code @RegisterExtension} on
 * a static field. Before the class's tests (and its {@code @BeforeAll} methods) it empties the class's work folder,
 * lets the test write the project there and starts the server on a free port, waiting until it answers; after them
 * it stops the server and checks that no mxcp process outlived the class.
 */
final class ServedProject implements BeforeAllCallback, AfterAllCallback {

    /** Writes the project to serve into the work folder, before the server starts; returns the project folder. */
    @FunctionalInterface
    interface ProjectWriter {
        Path write(Path work, Mxcp mxcp) throws IOException;
    }

    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    /** GraalPy's first context takes seconds, and more on a loaded machine. */
    private static final Duration PYTHON_START_LIMIT = Duration.ofSeconds(180);

    private final UnaryOperator<Path> homeInWork;
    private final Duration startLimit;
    private final ProjectWriter writer;

    private Path work;
    private Mxcp mxcp;
    private Path project;
    private int port;
    private ServerProcess server;
    private McpHttpClient client;

    private ServedProject(UnaryOperator<Path> homeInWork, Duration startLimit, ProjectWriter writer) {
        this.homeInWork = homeInWork;
        this.startLimit = startLimit;
        this.writer = writer;
    }

    /** Served from a home of the class's own ({@link Distribution#privateHome}), whose deploy/ a test may change. */
    static ServedProject withPrivateHome(ProjectWriter writer) {
        return new ServedProject(work -> Distribution.privateHome(work.resolve("home")), START_LIMIT, writer);
    }

    /** Served by the Python distribution from a home of the class's own, whose deploy/ a test may change. */
    static ServedProject withPrivatePythonHome(ProjectWriter writer) {
        return new ServedProject(work -> Distribution.privateHome(PythonProject.home(), work.resolve("home")),
                PYTHON_START_LIMIT, writer);
    }

    /** Served by the Python distribution (Python endpoints, which can send notifications). */
    static ServedProject withPythonDistribution(ProjectWriter writer) {
        return new ServedProject(work -> PythonProject.home(), PYTHON_START_LIMIT, writer);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        work = Distribution.freshWorkFolder(context.getRequiredTestClass());
        mxcp = new Mxcp(homeInWork.apply(work), work);
        project = writer.write(work, mxcp);
        port = FreePort.find();
        server = mxcp.start(project, "serve", "--port", Integer.toString(port)).awaitHealthy(port, startLimit);
        client = new McpHttpClient(port);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
        Leftovers.assertNone(mxcp);
    }

    /** The class's work folder (also the HOME the server sees). */
    Path work() {
        return work;
    }

    /** Runs commands of the distribution that serves (with the same home and environment). */
    Mxcp mxcp() {
        return mxcp;
    }

    /** The project folder the server serves. */
    Path project() {
        return project;
    }

    /** The deploy/ folder the server watches (a private home's own). */
    Path deploy() {
        return mxcp.home().resolve("deploy");
    }

    ServerProcess server() {
        return server;
    }

    /** A client of the server's MCP endpoint, shared by the class's tests. */
    McpHttpClient client() {
        return client;
    }

    int port() {
        return port;
    }

    String mcpUrl() {
        return "http://localhost:" + port + "/mcp";
    }
}
