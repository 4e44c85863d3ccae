package io.mxcp.cli.admin;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A Unix domain stream socket that serves each connection on a virtual thread of its own, so a client that sends
 * nothing holds neither the socket nor the clients after it. The socket file is readable and writable by its owner
 * only: file permissions are the admin API's only protection.
 */
final class UnixSocketServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(UnixSocketServer.class.getName());
    private static final long GRACE_SECONDS = 5;
    /** Connections open at the same moment; one more is closed at once. */
    static final int MAX_CONNECTIONS = 64;
    /** Linux's {@code sun_path} holds 108 bytes, the last one the terminating zero. */
    static final int MAX_PATH_BYTES = 107;
    private static final String SET_ANOTHER_PATH = "set MXCP_ADMIN_SOCKET to another path";
    /**
     * How long a client may take to send its request, and to read the answer: one that sends or reads nothing is let
     * go then. The route's own work in between does not count.
     */
    static final Duration CONNECTION_LIMIT = Duration.ofSeconds(10);

    /** Serves one connection; the server closes it afterwards. */
    @FunctionalInterface
    interface ConnectionHandler {
        /** @param deadline running when called; stopped while the answer is worked out, started again to write it */
        void handle(SocketChannel connection, ConnectionDeadline deadline) throws IOException;
    }

    private final Path socket;
    /** The socket file's identity, so that closing removes this server's file only, never a successor's. */
    private final Object socketFile;
    private final ServerSocketChannel channel;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("mxcp-admin-connection-", 0).factory());
    private final Semaphore openConnections = new Semaphore(MAX_CONNECTIONS);
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("mxcp-admin-deadlines").unstarted(task));
    private final Thread acceptor;

    private final Duration connectionLimit;

    private UnixSocketServer(Path socket, Object socketFile, ServerSocketChannel channel, Duration connectionLimit,
            ConnectionHandler handler) {
        this.socket = socket;
        this.socketFile = socketFile;
        this.channel = channel;
        this.connectionLimit = connectionLimit;
        this.acceptor = Thread.ofPlatform().daemon().name("mxcp-admin-accept").start(() -> accept(handler));
    }

    /**
     * Binds the socket: creates its folder, replaces a stale socket file, restricts the file to its owner before
     * accepting anyone. A socket another process still answers on, or a path that is not a socket, is refused.
     *
     * @param connectionLimit how long one connection may take before it is closed
     * @throws IOException naming the socket's path
     */
    static UnixSocketServer start(Path socket, Duration connectionLimit, ConnectionHandler handler) throws IOException {
        ServerSocketChannel channel = null;
        try {
            Path folder = prepare(socket);
            // bind() also listens, and the socket file is born with the umask's permissions: it is bound inside a
            // folder only its owner can enter, made owner-only, and only then moved to where clients look for it
            Path privateFolder = Files.createTempDirectory(folder, ".mxcp-admin-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            try {
                Path bound = privateFolder.resolve("s");
                channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                channel.bind(UnixDomainSocketAddress.of(bound));
                Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-------"));
                Files.move(bound, socket, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(privateFolder.resolve("s"));
                Files.deleteIfExists(privateFolder);
            }
            return new UnixSocketServer(socket, fileKey(socket), channel, connectionLimit, handler);
        } catch (IOException | UnsupportedOperationException e) {
            if (channel != null) {
                channel.close();
                Files.deleteIfExists(socket);
            }
            throw cannotOpen(socket, e);
        }
    }

    /**
     * Fails now, naming the socket's path, where {@link #start} would fail on the path: a folder that cannot be made
     * or written, a path in the way, another server answering on it; a server checks so before a long start-up.
     */
    static void check(Path socket) throws IOException {
        try {
            prepare(socket);
        } catch (IOException e) {
            throw cannotOpen(socket, e);
        }
    }

    /** Makes the socket's folder (owner-only) and removes a stale socket file; returns the folder. */
    private static Path prepare(Path socket) throws IOException {
        int length = socket.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_PATH_BYTES) {
            // bound in a shorter private folder and moved, it would exist, yet connect() refuses such a path
            throw new IOException("the path is " + length + " bytes long and a Unix socket's may have at most "
                    + MAX_PATH_BYTES + ": no client could connect; " + SET_ANOTHER_PATH);
        }
        // a folder made here is the owner's alone, whatever the umask: in a folder others may write, any local
        // user could remove the socket and put one of theirs where scripts send POST /reload
        Path folder = Files.createDirectories(socket.toAbsolutePath().getParent(),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (!Files.isWritable(folder)) {
            throw new AccessDeniedException(folder.toString());
        }
        removeStale(socket);
        return folder;
    }

    /**
     * Deletes a socket file left by a process that died (binding fails while it exists). One that a process still
     * answers on belongs to another running server, which would lose its admin socket; a path that is not a socket
     * is no socket file to replace.
     */
    private static void removeStale(Path socket) throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
            throw new IOException("the path exists and is not a socket");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            throw new IOException("another process (another mxcp serve?) answers on it; stop it or "
                    + SET_ANOTHER_PATH);
        } catch (ConnectException stale) {
            Files.deleteIfExists(socket);
        }
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    private void accept(ConnectionHandler handler) {
        while (channel.isOpen()) {
            SocketChannel connection;
            try {
                connection = channel.accept();
            } catch (AsynchronousCloseException closed) {
                return;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Admin socket " + socket + ": accepting a connection failed: " + describe(e));
                continue;
            }
            if (!openConnections.tryAcquire()) {
                closeQuietly(connection);
                continue;
            }
            try {
                workers.execute(() -> serve(handler, connection));
            } catch (RejectedExecutionException closing) {
                openConnections.release();
                closeQuietly(connection);
            }
        }
    }

    private void serve(ConnectionHandler handler, SocketChannel connection) {
        // closing the channel ends a read or write blocked on it
        ConnectionDeadline deadline = new ConnectionDeadline(deadlines, () -> closeQuietly(connection),
                connectionLimit);
        deadline.start();
        try (connection) {
            handler.handle(connection, deadline);
        } catch (IOException e) {
            // the client went away or the server is stopping: nobody to answer
            LOG.log(Level.DEBUG, "Admin socket " + socket + ": connection ended: " + describe(e));
        } finally {
            deadline.stop();
            openConnections.release();
        }
    }

    /**
     * Stops accepting, gives the requests in flight up to 5 s, then removes the socket file if it still is this
     * server's.
     */
    @Override
    public void close() {
        try {
            channel.close();
            acceptor.join(TimeUnit.SECONDS.toMillis(GRACE_SECONDS));
            workers.shutdown();
            if (!workers.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
                // interrupting a thread blocked on a channel closes that channel
                workers.shutdownNow();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Closing the admin socket " + socket + " failed: " + describe(e));
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            deadlines.shutdownNow();
            try {
                if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS) && socketFile.equals(fileKey(socket))) {
                    Files.delete(socket);
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot remove the admin socket file " + socket + ": " + describe(e));
            }
        }
    }

    private static void closeQuietly(SocketChannel connection) {
        try {
            connection.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Closing a refused admin connection failed: " + describe(e));
        }
    }

    /** Why the socket cannot open, and what to do when this user may not write where it was to be. */
    private static IOException cannotOpen(Path socket, Exception e) {
        String hint = e instanceof AccessDeniedException ? "; " + SET_ANOTHER_PATH + ", one this user may write" : "";
        return new IOException("Cannot open the admin socket " + socket + ": " + describe(e) + hint, e);
    }

    /** The reason; a file system refusal without one (its message is the bare path) is named by its kind. */
    private static String describe(Exception e) {
        if (e instanceof FileSystemException refused && refused.getReason() == null) {
            String kind = switch (refused) {
                case NotDirectoryException notFolder -> "not a directory";
                case FileAlreadyExistsException notFolder -> "exists and is not a directory";
                case AccessDeniedException denied -> "permission denied";
                case NoSuchFileException missing -> "no such file or directory";
                default -> refused.getClass().getSimpleName();
            };
            return refused.getFile() + ": " + kind;
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
