package io.mxcp.core.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was read from files, kept while a file's modification time, size and identity are unchanged. Endpoint
 * files are read again on every call so that edits take effect at once (as in the reference); this keeps that
 * behaviour at the cost of one {@code stat} instead of reading and parsing on a hot call.
 *
 * @param <T> what a file is read into
 */
public final class StampedFileCache<T> {

    /** Reads one file. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Path file) throws IOException;
    }

    private record Stamp(FileTime modified, long size, Object identity) {
    }

    private record Entry<T>(Stamp stamp, T value) {
    }

    private final ConcurrentHashMap<Path, Entry<T>> entries = new ConcurrentHashMap<>();
    private final Reader<T> reader;

    public StampedFileCache(Reader<T> reader) {
        this.reader = reader;
    }

    /**
     * The file's value, read again when the file changed.
     *
     * @throws NoSuchFileException when the file is missing or neither a regular file nor a folder; for a folder, what
     *                              the reader throws
     */
    public T get(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            entries.remove(file);
            throw e;
        }
        if (attributes.isDirectory()) {
            entries.remove(file);
            return reader.read(file); // the reader says what a folder is to it; nothing to cache
        }
        if (!attributes.isRegularFile()) {
            entries.remove(file);
            throw new NoSuchFileException(file.toString()); // a pipe or a device: never read, it may not end
        }
        Stamp stamp = new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        Entry<T> cached = entries.get(file);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.value();
        }
        T value = reader.read(file);
        entries.put(file, new Entry<>(stamp, value));
        return value;
    }
}
