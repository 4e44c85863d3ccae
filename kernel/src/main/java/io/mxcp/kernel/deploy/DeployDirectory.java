package io.mxcp.kernel.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The hot-deploy folder: bundle jars dropped here are installed, replaced side by side when they change, and
 * removed when they vanish, while the server runs. A file is acted on once its length and modification time
 * are the same on two scans, so a jar still being written is never read; names ending in {@code .tmp} and
 * hidden files are ignored (copy to {@code x.jar.tmp}, then rename, for an atomic drop).
 */
public final class DeployDirectory implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.mxcp.kernel.deploy");
    /** The folder's own explanation, shipped in it. */
    private static final String README = "README.txt";

    private final Path folder;
    private final SideBySideInstaller installer;
    private final ReportedProblems problems;
    private final long pollMillis;
    private final FolderReader reader;
    private final Map<String, Deployed> deployed = new HashMap<>();
    private final Map<String, FileStamp> settling = new HashMap<>();
    private Thread watcher;
    /** Why the folder could not be read at the last scan, or null when it could. */
    private String unreadableSince;
    /** Whether the folder existed at the last scan; null before the first. */
    private Boolean existed;

    private record Deployed(FileStamp stamp, Bundle bundle) {
    }

    /** Reads the jars of the folder now. */
    interface FolderReader {
        Map<String, FileStamp> jars() throws IOException;
    }

    /** @param problems where consumers report the deployed plugins' services they cannot use */
    public DeployDirectory(Path folder, BundleContext context, ReportedProblems problems, long pollMillis) {
        this(folder, context, problems, pollMillis, loggingReader(folder));
    }

    /** Reads the folder's jars and says once of each other file that it is not read (a {@code .zip}, a subfolder). */
    private static FolderReader loggingReader(Path folder) {
        Set<String> noted = ConcurrentHashMap.newKeySet();
        return () -> readJars(folder, file -> {
            String name = file.getFileName().toString();
            if (!name.startsWith(".") && !name.endsWith(".tmp") && !name.equals(README) && noted.add(name)) {
                LOG.log(System.Logger.Level.WARNING, "deploy: " + name + (Files.isDirectory(file) ? "/" : "")
                        + " is passed over: plugins are files named *.jar directly in " + folder);
            }
        });
    }

    DeployDirectory(Path folder, BundleContext context, ReportedProblems problems, long pollMillis,
            FolderReader reader) {
        this.folder = folder;
        this.installer = new SideBySideInstaller(context, problems);
        this.problems = problems;
        this.pollMillis = pollMillis;
        this.reader = reader;
    }

    /** The deploy folder's jar a bundle was installed from, if it was. */
    public static Optional<String> deployedFile(Bundle bundle) {
        String location = bundle.getLocation();
        if (!location.startsWith(SwapRules.DEPLOY_LOCATION_PREFIX)) {
            return Optional.empty();
        }
        String file = location.substring(SwapRules.DEPLOY_LOCATION_PREFIX.length());
        int install = file.lastIndexOf('#');
        return Optional.of(install < 0 ? file : file.substring(0, install));
    }

    /** Installs every jar present now, without waiting for it to settle (start-up). */
    public synchronized void deployPresent() {
        Map<String, FileStamp> present = listJars();
        for (Map.Entry<String, FileStamp> jar : (present == null ? Map.<String, FileStamp>of() : present).entrySet()) {
            apply(jar.getKey(), jar.getValue());
        }
    }

    /** Starts watching the folder on a daemon thread. */
    public synchronized void startWatching() {
        if (watcher != null) {
            return;
        }
        watcher = Thread.ofPlatform().daemon().name("mxcp-deploy-watcher").start(this::watch);
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(pollMillis);
                scan();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "deploy: scanning " + folder + " failed", e);
            }
        }
    }

    /** One pass over the folder; package-visible so tests can drive it without timing. */
    synchronized void scan() {
        Map<String, FileStamp> present = listJars();
        if (present == null) {
            return; // what cannot be read now is not gone: the deployed plugins stay
        }
        for (Map.Entry<String, FileStamp> jar : present.entrySet()) {
            String name = jar.getKey();
            FileStamp stamp = jar.getValue();
            Deployed current = deployed.get(name);
            if (current != null && current.stamp().equals(stamp)) {
                settling.remove(name);
                continue;
            }
            if (!stamp.equals(settling.put(name, stamp))) {
                continue; // changed since the last scan: wait until it settles
            }
            settling.remove(name);
            apply(name, stamp);
        }
        settling.keySet().retainAll(present.keySet());
        for (Iterator<Map.Entry<String, Deployed>> it = deployed.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Deployed> entry = it.next();
            if (!present.containsKey(entry.getKey())) {
                if (entry.getValue().bundle() != null) {
                    installer.remove(entry.getValue().bundle(), entry.getKey());
                }
                problems.settle(entry.getKey());
                it.remove();
            }
        }
    }

    private void apply(String name, FileStamp stamp) {
        Deployed current = deployed.get(name);
        Bundle previous = current == null ? null : current.bundle();
        Bundle installed = installer.install(folder.resolve(name), previous);
        // a failed replacement leaves the previous version running; the stamp is kept so it is not retried
        deployed.put(name, new Deployed(stamp, installed != null ? installed : previous));
    }

    /**
     * The jars in the folder, or null when it cannot be read now (no file descriptor left, say). A failure is logged
     * once until the folder can be read again: the watcher polls several times a second.
     */
    private Map<String, FileStamp> listJars() {
        Map<String, FileStamp> jars;
        try {
            jars = reader.jars();
        } catch (IOException | UncheckedIOException e) {
            if (unreadableSince == null) {
                unreadableSince = e.getMessage();
                LOG.log(System.Logger.Level.WARNING, "deploy: cannot read " + folder + ": " + e.getMessage()
                        + "; the deployed plugins stay as they are until it can be read again");
            }
            return null;
        }
        if (unreadableSince != null) {
            unreadableSince = null;
            LOG.log(System.Logger.Level.INFO, "deploy: " + folder + " can be read again");
        }
        noteWhetherTheFolderExists();
        return jars;
    }

    /**
     * A folder that is not there reads as empty, which is also what a mistyped {@code MXCP_DEPLOY} gives: said at
     * start and whenever it comes or goes, so that plugins missing from a server can be traced to the folder.
     */
    private void noteWhetherTheFolderExists() {
        boolean exists = Files.isDirectory(folder);
        if (existed != null && existed == exists) {
            return;
        }
        if (!exists) {
            LOG.log(System.Logger.Level.WARNING, "deploy: " + folder + (existed == null ? " does not exist" : " is gone")
                    + ": no plugins are deployed from it until it is created (it is watched)");
        } else if (existed != null) {
            LOG.log(System.Logger.Level.INFO, "deploy: " + folder + " was created: the plugins in it are deployed");
        }
        existed = exists;
    }

    static Map<String, FileStamp> readJars(Path folder) throws IOException {
        return readJars(folder, file -> { });
    }

    private static Map<String, FileStamp> readJars(Path folder, Consumer<Path> passedOver) throws IOException {
        Map<String, FileStamp> jars = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return jars;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!isCandidate(file)) {
                    passedOver.accept(file);
                    continue;
                }
                try {
                    jars.put(file.getFileName().toString(), FileStamp.of(file));
                } catch (NoSuchFileException e) {
                    // vanished between listing and reading: the next scan sees it gone
                }
            }
        }
        return jars;
    }

    private static boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jar") && !name.startsWith(".") && Files.isRegularFile(file);
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            running = watcher;
            watcher = null;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
