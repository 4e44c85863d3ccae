package io.mxcp.cli.admin;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/** Serves one HTTP request per connection: read it, let the route table answer, write the answer. */
final class HttpConnectionHandler implements UnixSocketServer.ConnectionHandler {

    private final RouteTable routes;

    HttpConnectionHandler(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void handle(SocketChannel connection) throws IOException {
        InputStream in = new BufferedInputStream(Channels.newInputStream(connection));
        OutputStream out = Channels.newOutputStream(connection);
        HttpResponse response;
        try {
            response = routes.answer(HttpRequestParser.read(in));
        } catch (BadRequestException e) {
            response = HttpResponse.error(400, e.getMessage());
        }
        HttpResponseWriter.write(response, out);
    }
}
