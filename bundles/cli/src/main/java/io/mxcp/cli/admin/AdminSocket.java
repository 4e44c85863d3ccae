package io.mxcp.cli.admin;

import java.io.IOException;

import io.mxcp.cli.admin.host.HostMetrics;

/**
 * The admin socket of {@code mxcp serve} (spec 03 §4): HTTP+JSON over a Unix domain socket with mode 0600, for
 * health, status, reload, configuration, endpoints, audit queries, system metrics and the API's own
 * description. Closing it stops it gracefully and removes the socket file.
 */
public final class AdminSocket implements AutoCloseable {

    private final UnixSocketServer server;

    private AdminSocket(UnixSocketServer server) {
        this.server = server;
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
        return new AdminSocket(UnixSocketServer.start(context.socket(), UnixSocketServer.CONNECTION_LIMIT,
                new HttpConnectionHandler(routes, context.debug())));
    }

    @Override
    public void close() {
        server.close();
    }
}
