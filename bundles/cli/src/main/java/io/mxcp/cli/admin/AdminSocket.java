package io.mxcp.cli.admin;

import java.io.IOException;
import java.nio.file.Path;

import io.mxcp.cli.admin.host.HostMetrics;

/**
 * The admin socket of {@code mxcp serve} (spec 03 §4): HTTP+JSON over a Unix domain socket with mode 0600, for
 * health, status, reload, configuration, endpoints, audit queries, system metrics and the API's own
 * description. Closing it stops it gracefully and removes the socket file.
 */
public final class AdminSocket implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AdminSocket.class.getName());

    private final UnixSocketServer server;
    private final Path path;

    private AdminSocket(UnixSocketServer server, Path path) {
        this.server = server;
        this.path = path;
    }

    /**
     * Opens the socket at {@link AdminContext#socket()} and starts answering.
     *
     * @throws IOException naming the socket's path when it cannot be opened
     */
    public static AdminSocket start(AdminContext context) throws IOException {
        RouteTable routes = new RouteTable();
        new ServiceRoutes(context).addTo(routes);
        new ProjectRoutes(context).addTo(routes);
        new AuditRoutes(context).addTo(routes);
        new SystemRoutes(HostMetrics.ofThisMachine()).addTo(routes);
        new DocsRoutes().addTo(routes);
        AdminSocket admin = new AdminSocket(UnixSocketServer.start(context.socket(), UnixSocketServer.CONNECTION_LIMIT,
                new HttpConnectionHandler(routes, context.debug())), context.socket());
        LOG.log(System.Logger.Level.INFO, "Admin API listening on " + admin.path);
        return admin;
    }

    /**
     * Fails now, with the message {@link #start} would give, when the socket cannot be opened at {@code socket}: what
     * a server checks before its long start-up (a folder it cannot make, a path in the way, another server on it).
     */
    public static void check(Path socket) throws IOException {
        UnixSocketServer.check(socket);
    }

    /** Where the socket file is. */
    public Path path() {
        return path;
    }

    @Override
    public void close() {
        server.close();
    }
}
