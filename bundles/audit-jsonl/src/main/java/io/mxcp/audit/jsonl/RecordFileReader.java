package io.mxcp.audit.jsonl;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Consumer;

import io.mxcp.audit.json.AuditRecordCodec;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * Reads the records of one JSON Lines file, also while another process appends to it: only lines ended by a
 * newline count, so a batch still being written is left for the next read. A complete line that is not a record (an
 * edit by hand) is skipped with a warning naming the file and line.
 */
final class RecordFileReader {

    private static final System.Logger LOG = System.getLogger(RecordFileReader.class.getName());
    private static final int CHUNK = 64 * 1024;

    private final AuditRecordCodec codec;

    RecordFileReader(AuditRecordCodec codec) {
        this.codec = codec;
    }

    /** Hands the file's records to the visitor in file order. */
    void forEach(Path file, Consumer<AuditRecord> visitor) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException deleted) {
            // Removed by retention (maybe in another process) since its folder was listed: it has no records left.
            return;
        }
        try (in) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int lineNumber = 1;
            byte[] chunk = new byte[CHUNK];
            for (int read = in.read(chunk); read != -1; read = in.read(chunk)) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (chunk[i] == '\n') {
                        line.write(chunk, start, i - start);
                        decode(file, lineNumber++, line.toByteArray(), visitor);
                        line.reset();
                        start = i + 1;
                    }
                }
                line.write(chunk, start, read - start);
            }
            if (line.size() > 0) {
                int unfinished = lineNumber;
                // usually a batch the server is writing right now; a line cut off by a crash stays the last one
                LOG.log(Level.DEBUG, () -> "Skipping line " + unfinished + " of the audit file " + file
                        + ": it has no newline (still being written, or cut off)");
            }
        } catch (IOException e) {
            throw new IOException("Cannot read the audit file " + file + ": " + e, e);
        }
    }

    /**
     * The file's last record, read from its end: a writer taking up the log needs only its tail, and a segment holds
     * up to {@code max_file_size} (50 MB by default) that a read from the start would take seconds over while every
     * record waits. As {@link #forEach}, an unfinished last line is not a record and a line that is not one is
     * passed over.
     */
    Optional<AuditRecord> last(Path file) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException deleted) {
            return Optional.empty();
        }
        try (channel) {
            long end = newlineBefore(channel, channel.size());
            while (end >= 0) {
                long start = newlineBefore(channel, end) + 1;
                try {
                    return Optional.of(codec.decode(read(channel, start, end)));
                } catch (IllegalArgumentException notARecord) {
                    end = start - 1;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new IOException("Cannot read the audit file " + file + ": " + e, e);
        }
    }

    /** The position of the last newline before {@code limit}, or -1. */
    private static long newlineBefore(FileChannel channel, long limit) throws IOException {
        long from = limit;
        while (from > 0) {
            int length = (int) Math.min(CHUNK, from);
            from -= length;
            byte[] chunk = read(channel, from, from + length);
            for (int i = length - 1; i >= 0; i--) {
                if (chunk[i] == '\n') {
                    return from + i;
                }
            }
        }
        return -1;
    }

    private static byte[] read(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(to - from));
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, from + bytes.position()) < 0) {
                throw new EOFException("the file ended at " + (from + bytes.position()));
            }
        }
        return bytes.array();
    }

    private void decode(Path file, int lineNumber, byte[] line, Consumer<AuditRecord> visitor) {
        AuditRecord record;
        try {
            record = codec.decode(line);
        } catch (IllegalArgumentException e) {
            warn(file, lineNumber, e.getMessage());
            return;
        }
        visitor.accept(record);
    }

    private static void warn(Path file, int lineNumber, String reason) {
        LOG.log(Level.WARNING, () -> "Skipping line " + lineNumber + " of the audit file " + file + ": " + reason);
    }
}
