package io.mxcp.audit.jsonl;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mxcp.audit.json.LogLocation;

/**
 * The files of one log in its folder: the legacy file at the configured path ({@code logs-default.jsonl}), read
 * only, and the segments {@code <stem>-<yyyyMMdd'T'HHmmss>[-<n>].jsonl} named after the UTC second they were
 * created in, {@code -2}, {@code -3}, ... telling apart segments of the same second. Name order is creation order.
 */
final class SegmentFiles {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final Path legacy;
    private final String stem;
    private final Pattern segmentName;

    private SegmentFiles(LogLocation location) {
        this.legacy = location.configured();
        this.stem = location.stem();
        // Only the suffixes createSegment writes (2 and up, no leading zero), so that no two files share a name.
        this.segmentName =
                Pattern.compile(Pattern.quote(stem) + "-(\\d{8}T\\d{6})(?:-([2-9]|[1-9]\\d{1,8}))?\\.jsonl");
    }

    /**
     * The files of the log configured at {@code path}, creating its folder when missing.
     *
     * @throws IOException naming the folder when it cannot be created
     */
    static SegmentFiles beside(Path path) throws IOException {
        return new SegmentFiles(LogLocation.of(path));
    }

    /** The configured path, which names the log. */
    Path configuredPath() {
        return legacy;
    }

    /** The legacy file when there is one, then the segments, oldest first: the order records were written in. */
    List<Path> inWriteOrder() throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(legacy)) {
            files.add(legacy);
        }
        files.addAll(segments().values());
        return files;
    }

    /**
     * Creates a segment named after {@code now}, or after the newest segment when that one is as new or newer (the
     * same second, or a clock set back), so that name order stays creation order.
     */
    SegmentWriter createSegment(Instant now) throws IOException {
        SegmentName fromClock = new SegmentName(STAMP.format(now), 1);
        while (true) {
            TreeMap<SegmentName, Path> existing = segments();
            SegmentName name = existing.isEmpty() || existing.lastKey().compareTo(fromClock) < 0
                    ? fromClock
                    : existing.lastKey().next();
            try {
                return SegmentWriter.createNew(legacy.resolveSibling(name.fileName(stem)));
            } catch (FileAlreadyExistsException raced) {
                // Another process created this name since the folder was listed: list again.
            }
        }
    }

    private TreeMap<SegmentName, Path> segments() throws IOException {
        TreeMap<SegmentName, Path> segments = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(legacy.getParent())) {
            for (Path file : files) {
                Matcher name = segmentName.matcher(file.getFileName().toString());
                if (name.matches()) {
                    int sequence = name.group(2) == null ? 1 : Integer.parseInt(name.group(2));
                    segments.put(new SegmentName(name.group(1), sequence), file);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            throw new IOException("Cannot list the audit log folder " + legacy.getParent() + ": " + e, e);
        }
        return segments;
    }

    /** A segment's creation second and its number within that second (1 for the first, which has no suffix). */
    private record SegmentName(String stamp, int sequence) implements Comparable<SegmentName> {

        private static final Comparator<SegmentName> ORDER =
                Comparator.comparing(SegmentName::stamp).thenComparingInt(SegmentName::sequence);

        SegmentName next() {
            return new SegmentName(stamp, sequence + 1);
        }

        String fileName(String stem) {
            return stem + "-" + stamp + (sequence == 1 ? "" : "-" + sequence) + ".jsonl";
        }

        @Override
        public int compareTo(SegmentName other) {
            return ORDER.compare(this, other);
        }
    }
}
