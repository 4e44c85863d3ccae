package io.mxcp.kernel.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The framework's cache folder of one process, in the temporary folder. A process killed with SIGKILL cannot delete
 * its folder, so each folder holds an owner file locked for as long as its process runs (an OS lock, released when
 * the process dies however it dies) and naming the process; a starting kernel deletes the folders whose owner file it
 * can lock. A folder gets its name only once its owner file is locked (it is prepared under another name and renamed),
 * so no folder is ever seen with an owner file not yet locked. Folders without an owner file (older versions) are left
 * alone.
 */
final class FrameworkStorage implements AutoCloseable {

    static final String PREFIX = "mxcp-felix-";
    static final String OWNER_FILE = "owner.lock";
    private static final String STAGING_PREFIX = ".mxcp-felix-starting-";
    private static final System.Logger LOG = System.getLogger(FrameworkStorage.class.getName());
    /**
     * The folders of this process's kernels. They are never opened by the sweep: closing any channel of a file
     * releases every lock this process holds on it.
     */
    private static final Set<Path> OWN_FOLDERS = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel owner;

    private FrameworkStorage(Path folder, FileChannel owner) {
        this.folder = folder;
        this.owner = owner;
    }

    /** Creates and locks a new folder in {@code parent}, then deletes the folders there whose process has gone. */
    static FrameworkStorage create(Path parent) throws IOException {
        Path staging = Files.createTempDirectory(parent, STAGING_PREFIX);
        FileChannel owner = FileChannel.open(staging.resolve(OWNER_FILE), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        try {
            owner.lock();
        } catch (IOException e) {
            // a file system without locks: no kernel can take this lock either, so none deletes the folder
            LOG.log(System.Logger.Level.DEBUG, "Cannot lock " + staging.resolve(OWNER_FILE), e);
        }
        owner.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
        Path folder = parent.resolve(PREFIX + staging.getFileName().toString().substring(STAGING_PREFIX.length()));
        try {
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            owner.close();
            deleteTree(staging);
            throw e;
        }
        OWN_FOLDERS.add(folder);
        deleteAbandoned(parent);
        return new FrameworkStorage(folder, owner);
    }

    Path folder() {
        return folder;
    }

    /** Where the framework keeps its cache: a folder of its own, as the framework empties it when it starts. */
    Path cache() throws IOException {
        return Files.createDirectories(folder.resolve("cache"));
    }

    /** Deletes the folder, then lets go of its lock, so that no other start takes it for abandoned meanwhile. */
    @Override
    public void close() {
        deleteTree(folder);
        try {
            owner.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot close " + folder.resolve(OWNER_FILE), e);
        }
        OWN_FOLDERS.remove(folder);
    }

    private static void deleteAbandoned(Path parent) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path folder : folders) {
                if (!OWN_FOLDERS.contains(folder)) {
                    deleteIfAbandoned(folder);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot look for abandoned framework folders in " + parent, e);
        }
    }

    /** Deletes the folder while holding its owner file's lock, so that another start does not delete it at once. */
    private static void deleteIfAbandoned(Path folder) {
        Path ownerFile = folder.resolve(OWNER_FILE);
        if (!Files.isRegularFile(ownerFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(ownerFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock != null) {
                LOG.log(System.Logger.Level.DEBUG, "Deleting {0}, left by a process that has gone", folder);
                deleteTree(folder);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // another user's folder, deleted meanwhile, or being deleted by another kernel of this process
        }
    }

    /**
     * Deletes the owner file just before the folder, so a deletion cut short is finished by a later start. Files that
     * vanish meanwhile are no failure.
     */
    private static void deleteTree(Path folder) {
        Path ownerFile = folder.resolve(OWNER_FILE);
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.<Path>comparingInt(path -> path.equals(folder) ? 2 : path.equals(ownerFile) ? 1 : 0)
                            .thenComparing(Comparator.reverseOrder()))
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot delete " + folder, e);
        }
    }
}
