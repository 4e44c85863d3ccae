package io.mxcp.kernel.launch;

/**
 * The JVM's class-data archive that {@code bin/mxcp} asked the JVM to create ({@code -XX:+AutoCreateSharedArchive}):
 * it is written as the process exits, which makes the first exit of an installation's command kind slower — for
 * {@code serve}, 1.5 s on a quiet machine and 8 s under load after {@code Server stopped}. Said in the log, so that
 * an operator timing a stop knows why; the launcher names the file in {@value #PROPERTY} when it did not exist.
 */
final class PendingArchive {

    static final String PROPERTY = "mxcp.cds.archive.pending";

    private PendingArchive() {
    }

    /**
     * Logs that the JVM writes the archive now. Also when another process wrote it meanwhile: the JVM decided at its
     * start to write one and writes it over.
     */
    static void announceBeforeExit() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        System.getLogger(PendingArchive.class.getName()).log(System.Logger.Level.INFO, "Writing the JVM''s "
                + "class-data archive {0} before exiting, once per installation: later starts are faster "
                + "(MXCP_CDS=off turns it off)", file);
    }
}
