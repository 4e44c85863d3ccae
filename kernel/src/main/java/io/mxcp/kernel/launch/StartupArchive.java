package io.mxcp.kernel.launch;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The class-data-sharing archive of a server's start-up, written while the server starts rather than as it exits.
 *
 * <p>The JVM's own way ({@code -XX:+AutoCreateSharedArchive}) writes a missing archive when the process exits: the
 * first stop of a fresh installation took 1.5 s longer on a quiet machine and 8 s under load, near the 10 s a
 * container runtime waits before it kills, and a killed dump leaves no archive, so the next stop is as slow. For a
 * {@code serve} without its archive, {@code bin/mxcp} starts the JVM with {@code -XX:+RecordDynamicDumpInfo} and
 * names the file in {@value #PROPERTY}; the server has the JVM write it once it listens (the JVM pauses while it
 * writes, before the server says it is ready), and the next start maps it.
 */
final class StartupArchive {

    static final String PROPERTY = "mxcp.cds.archive";

    private static final System.Logger LOG = System.getLogger(StartupArchive.class.getName());

    /** What the JDK prints on standard output after the dump; misleading here, as no jcmd was attached. */
    private static final String JDK_NOTICE = "The process was attached by jcmd";

    private final Optional<Path> requested;
    private final AtomicBoolean saved = new AtomicBoolean();

    StartupArchive(Optional<Path> requested) {
        this.requested = requested;
    }

    static StartupArchive fromSystemProperties() {
        String file = System.getProperty(PROPERTY);
        return new StartupArchive(file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file)));
    }

    /** Writes the archive the launcher asked for, once per process; a failure is logged and changes nothing else. */
    void save() {
        if (requested.isEmpty() || !saved.compareAndSet(false, true) || Files.exists(requested.get())) {
            return;
        }
        Path archive = requested.get().toAbsolutePath();
        long started = System.nanoTime();
        String answer;
        try {
            answer = dump(archive);
        } catch (JMException | RuntimeException e) {
            answer = e.getCause() == null ? String.valueOf(e.getMessage()) : String.valueOf(e.getCause().getMessage());
        }
        if (Files.isRegularFile(archive)) {
            LOG.log(System.Logger.Level.INFO, "Saved the JVM''s class-data archive {0} in {1} ms: later starts of "
                    + "serve load it", archive, String.valueOf((System.nanoTime() - started) / 1_000_000));
        } else {
            LOG.log(System.Logger.Level.WARNING, "Could not save the JVM''s class-data archive {0} ({1}): the next "
                    + "start of serve is as slow as this one (MXCP_CDS=off turns the archive off)", archive,
                    answer.strip());
        }
    }

    /** The JDK's {@code VM.cds dynamic_dump} diagnostic command, as {@code jcmd} would run it; its answer. */
    private static String dump(Path archive) throws JMException {
        PrintStream shown = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, shown.charset()));
        try {
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                    new Object[] {new String[] {"dynamic_dump", archive.toString()}},
                    new String[] {String[].class.getName()});
            return String.valueOf(answer);
        } finally {
            System.setOut(shown);
            printed.toString(shown.charset()).lines().filter(line -> !line.startsWith(JDK_NOTICE))
                    .forEach(shown::println);
        }
    }
}
