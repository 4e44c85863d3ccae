package io.mxcp.audit.jsonl;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The segment file a log appends to. Only its creator writes to it, so it knows its size without asking the file
 * system; each batch is on disk when {@link #append} returns.
 */
final class SegmentWriter implements Closeable {

    private final Path path;
    private final FileChannel channel;
    private long size;

    private SegmentWriter(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Creates the file and opens it for appending.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists: a segment is never shared between logs
     */
    static SegmentWriter createNew(Path path) throws IOException {
        FileChannel channel = openOwnerOnly(path);
        try (FileChannel folder = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            // held until the segment is closed: retention (maybe in another process) leaves a locked segment alone
            channel.lock();
            // the new file's name must survive a power loss too, or its fsynced batches would vanish with it
            folder.force(true);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new SegmentWriter(path, channel);
    }

    /** Records hold arguments, results and users: the segment is readable by its owner only from its creation. */
    private static FileChannel openOwnerOnly(Path path) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        try {
            return FileChannel.open(path, options,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException noPosixPermissions) {
            return FileChannel.open(path, options);
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /**
     * Appends the batch with one write (repeated only for what the system did not take at once) and forces it to
     * disk; a batch that fails is cut off the file again when possible.
     */
    void append(byte[] batch) throws IOException {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(batch);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
            size += batch.length;
        } catch (IOException e) {
            // Part of the batch may have reached the file; readers must not take it for records that were written.
            try {
                channel.truncate(size);
            } catch (IOException truncating) {
                e.addSuppressed(truncating);
            }
            throw new IOException("Cannot write to the audit file " + path + ": " + e, e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
