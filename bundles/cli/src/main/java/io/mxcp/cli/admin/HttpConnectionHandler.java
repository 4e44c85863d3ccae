package io.mxcp.cli.admin;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * Serves one HTTP request per connection: read it, let the route table answer, write the answer. An error no
 * route handles is answered with the reference's generic 500, naming the error only under {@code --debug}.
 */
final class HttpConnectionHandler implements UnixSocketServer.ConnectionHandler {

    private static final System.Logger LOG = System.getLogger(HttpConnectionHandler.class.getName());

    private final RouteTable routes;
    private final boolean debug;

    /** @param debug whether the server runs with {@code --debug}: then unhandled errors are named to the client */
    HttpConnectionHandler(RouteTable routes, boolean debug) {
        this.routes = routes;
        this.debug = debug;
    }

    @Override
    public void handle(SocketChannel connection, ConnectionDeadline deadline) throws IOException {
        InputStream in = new BufferedInputStream(Channels.newInputStream(connection));
        OutputStream out = Channels.newOutputStream(connection);
        byte[] answer = respond(in, deadline);
        deadline.start();
        out.write(answer);
        out.flush();
    }

    /**
     * The encoded answer. Routes report their own failures; what reaches here is a body that cannot be written as
     * JSON, a fault of this server's code, or a class gone missing under a running socket (a bundle updated or
     * removed): a {@link LinkageError}. The VM's own errors (out of memory, ...) are not answered.
     */
    private byte[] respond(InputStream in, ConnectionDeadline deadline) throws IOException {
        try {
            return HttpResponseWriter.encode(answer(in, deadline));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.ERROR, "Unhandled error in the admin API: " + e, e);
            return HttpResponseWriter.encode(HttpResponse.internalError(debug ? message(e) : null));
        }
    }

    private HttpResponse answer(InputStream in, ConnectionDeadline deadline) throws IOException {
        HttpRequest request;
        try {
            request = HttpRequestParser.read(in);
        } catch (BadRequestException e) {
            return HttpResponse.error(400, e.getMessage());
        }
        deadline.stop();
        return routes.answer(request);
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
