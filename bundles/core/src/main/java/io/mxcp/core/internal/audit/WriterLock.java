package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.mxcp.sdk.audit.AuditLogSettings;

/**
 * Marks the process writing an audit log: a lock on a file beside the log ({@code <log stem>.writer}, holding its PID),
 * kept while the writer lives. Two processes writing one log interleave their records in one hash chain, which
 * {@code mxcp log --verify} then reports as broken for good, so a second writer says so when it starts, naming the
 * first. The lock only informs: a folder where it cannot be taken (read-only) is left to the writes to report.
 */
final class WriterLock implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WriterLock.class.getName());

    private final FileChannel channel;

    private WriterLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Takes the log's lock, or warns naming the process that holds it. */
    static WriterLock take(Path log) {
        Path file = file(log);
        FileChannel channel = null;
        try {
            OwnerOnlyFiles.create(file);
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                LOG.log(Level.WARNING, "The audit log {0} is written by another process too (PID {1}), such as a "
                        + "second ''mxcp serve'' of this project: the records of both go into one hash chain, which "
                        + "''mxcp log --verify'' then reports as broken. Give each server its own audit path "
                        + "(profiles.<profile>.audit.path), or enable the audit in only one of them", log, holder(file));
                channel.close();
                return new WriterLock(null);
            }
            channel.truncate(0).write(ByteBuffer.wrap(
                    Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            return new WriterLock(channel);
        } catch (OverlappingFileLockException sameProcess) {
            // the writer of this project's previous generation, draining after a reload
            closeQuietly(channel);
            return new WriterLock(null);
        } catch (IOException | UnsupportedOperationException e) {
            closeQuietly(channel);
            return new WriterLock(null);
        }
    }

    static Path file(Path log) {
        return AuditLogSettings.besideLog(log, ".writer");
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "unknown" : pid;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing held: nothing to give back
            }
        }
    }

    /** Gives the lock back (closing the channel releases it); the file stays for the next writer. */
    @Override
    public void close() {
        closeQuietly(channel);
    }
}
