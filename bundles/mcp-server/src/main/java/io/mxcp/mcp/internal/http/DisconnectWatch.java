package io.mxcp.mcp.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.xnio.ChannelListener;
import org.xnio.conduits.ConduitStreamSourceChannel;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.AttachmentKey;

import io.mxcp.sdk.exec.Cancellation;

/**
 * Cancels the running call of an HTTP/1.1 connection when the client goes away. Undertow reads nothing from a
 * connection while a request is handled, so a peer's close would only show when the answer is written. While a
 * call runs, this watch reads the raw connection below the (finished) request body: end of stream or a reset
 * means the client left, so the call is cancelled (the connection is left to Undertow, which closes it when the
 * answer cannot be written or the next read ends). Bytes of a pipelined next request are handed back to
 * Undertow untouched and the watch stops. One watch and one close listener (for closes Undertow notices itself)
 * per connection, reused by every request on it; between calls it holds no call.
 */
final class DisconnectWatch implements ChannelListener<ConduitStreamSourceChannel> {
    private static final AttachmentKey<DisconnectWatch> KEY = AttachmentKey.create(DisconnectWatch.class);
    static final Handle NOT_WATCHED = () -> {
    };

    /** Ends the watch of one call. */
    interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    private final HttpServerConnection connection;
    private volatile Cancellation call;
    private boolean reading;
    private ChannelListener<? super ConduitStreamSourceChannel> previousListener;

    private DisconnectWatch(HttpServerConnection connection) {
        this.connection = connection;
    }

    /**
     * Watches the exchange's connection until the returned handle is closed, which must happen before the answer
     * is sent. The request body must have been read completely.
     */
    static Handle watch(HttpServerExchange exchange, Cancellation cancellation) {
        if (!(exchange.getConnection() instanceof HttpServerConnection connection)
                || connection.getExtraBytes() != null) {
            // not HTTP/1.1, or the next pipelined request is already buffered: nothing to learn from reading
            return NOT_WATCHED;
        }
        DisconnectWatch watch = connection.getAttachment(KEY);
        if (watch == null) {
            watch = new DisconnectWatch(connection);
            connection.putAttachment(KEY, watch);
            DisconnectWatch created = watch;
            connection.addCloseListener(closed -> created.clientGone());
        }
        watch.start(cancellation);
        return watch::stop;
    }

    private synchronized void start(Cancellation cancellation) {
        call = cancellation;
        ConduitStreamSourceChannel source = connection.getChannel().getSourceChannel();
        previousListener = source.getReadListener();
        source.setReadListener(this);
        connection.getOriginalSourceConduit().resumeReads();
        reading = true;
    }

    private synchronized void stop() {
        call = null;
        stopReading();
    }

    private void stopReading() {
        if (reading) {
            reading = false;
            connection.getOriginalSourceConduit().suspendReads();
            connection.getChannel().getSourceChannel().setReadListener(previousListener);
            previousListener = null;
        }
    }

    /** The raw connection is readable (IO thread). */
    @Override
    public synchronized void handleEvent(ConduitStreamSourceChannel channel) {
        if (!reading) {
            return;
        }
        PooledByteBuffer pooled = connection.getByteBufferPool().allocate();
        boolean handedBack = false;
        try {
            ByteBuffer buffer = pooled.getBuffer();
            buffer.clear();
            int read = connection.getOriginalSourceConduit().read(buffer);
            if (read > 0) {
                buffer.flip();
                connection.ungetRequestBytes(pooled);
                handedBack = true;
                stopReading();
            } else if (read < 0) {
                stopReading();
                clientGone();
            }
        } catch (IOException e) {
            stopReading();
            clientGone();
        } finally {
            if (!handedBack) {
                pooled.close();
            }
        }
    }

    private void clientGone() {
        Cancellation running = call;
        if (running != null) {
            running.cancel();
        }
    }
}
