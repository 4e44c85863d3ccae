package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The JVM's class-data archive of {@code serve} (README, bin/mxcp): a fresh installation's first server writes it as
 * it exits and says so after {@code Server stopped} (that stop takes longer); the next server maps it and writes
 * nothing.
 */
class StartupArchiveIT {

    private static final Path WORK = Distribution.freshWorkFolder(StartupArchiveIT.class);
    private static final Mxcp MXCP = new Mxcp(Distribution.privateHome(WORK.resolve("home")), WORK);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(40);
    private static final String WRITING = "INFO [PendingArchive] Writing the JVM's class-data archive ";

    @AfterAll
    static void nothingLeft() {
        Leftovers.assertNone(MXCP);
    }

    @Test
    void theFirstServerWritesItsArchiveAsItExitsAndSaysSoTheNextMapsIt() throws IOException {
        Path project = MXCP.bootstrap(WORK, "archived");
        assertEquals(List.of(), serveArchives(), "a fresh installation has no server archive");

        try (ServerProcess first = MXCP.serve(project, FreePort.find())) {
            first.signal("TERM");
            assertEquals(0, first.awaitExit(STOP_LIMIT), first::describe);
            List<Path> archives = serveArchives();
            assertEquals(1, archives.size(), first::describe);
            String log = first.stderr();
            int writing = log.indexOf(WRITING + archives.get(0) + " before exiting");
            assertTrue(writing > log.indexOf("Server stopped"), first::describe);
        }

        Path archive = serveArchives().get(0);
        try (ServerProcess second = MXCP.serve(project, FreePort.find())) {
            String maps = Files.readString(Path.of("/proc", String.valueOf(second.jvm().pid()), "maps"));
            assertTrue(maps.contains(archive.toString()), "the second server does not map " + archive);
            second.signal("TERM");
            assertEquals(0, second.awaitExit(STOP_LIMIT), second::describe);
            assertFalse(second.stderr().contains(WRITING), second::describe);
        }
    }

    /**
     * A container image built as root and run as another account (README, "Running as a service"): the archive the
     * build left in {@code var/} is mapped, though the account cannot write there.
     */
    @Test
    void anAccountThatCannotWriteTheInstallationMapsTheArchiveAlreadyThere() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to run a command as another account");
        CommandResult warmed = MXCP.run(WORK, "--version");
        assertEquals(0, warmed.exitCode(), warmed::describe);
        assertEquals(1, archives("-short-").size(), "no archive of short commands in var/");

        Path logs = Files.createDirectories(WORK.resolve("nobody-logs"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path classLog = logs.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        command.addAll(MXCP.commandLine("--version"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(logs.toFile()).redirectErrorStream(true);
        MXCP.configure(builder.environment());
        builder.environment().put("HOME", "/nonexistent");
        builder.environment().remove("XDG_CACHE_HOME");
        builder.environment().merge("MXCP_JAVA_OPTS", " -Xlog:class+load=info:file=" + classLog, String::concat);
        Process nobody = builder.start();
        String output = new String(nobody.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, nobody.waitFor(), output);
        assertTrue(Files.readString(classLog).contains("source: shared objects file (top)"),
                "the command of an account that cannot write var/ did not map its archive");
    }

    /**
     * A new build unpacked over an older one (README, "Running as a service"): the older build's archives no longer
     * match the jars, so they are removed and the build's own is written, and {@code --version} says which build runs.
     */
    @Test
    void anEarlierBuildsArchivesAreReplaced() throws IOException {
        Path var = Files.createDirectories(MXCP.home().resolve("var"));
        String prefix = "mxcp-java" + Runtime.version().feature() + "-short";
        Path unstamped = Files.write(var.resolve(prefix + ".jsa"), new byte[] {1, 2, 3});
        Path earlier = Files.write(var.resolve(prefix + "-20000101.000000.jsa"), new byte[] {1, 2, 3});
        CommandResult version = MXCP.run(WORK, "--version");
        assertEquals(0, version.exitCode(), version::describe);
        String build = Files.readString(MXCP.home().resolve("lib/BUILD")).strip();
        assertTrue(version.stdout().strip().matches("mxcp \\S+ \\(build \\d{8}\\.\\d{6}( \\w+)?\\)")
                && version.stdout().strip().endsWith(" (build " + build + ")"), version::describe);
        assertFalse(Files.exists(unstamped), "the archive of a build without a stamp is left");
        assertFalse(Files.exists(earlier), "the archive of an earlier build is left");
        assertEquals(List.of(var.resolve(prefix + "-" + build.split(" ")[0] + ".jsa")), archives("-short-"));
    }

    /** The server archives of the private installation's {@code var/}. */
    private static List<Path> serveArchives() throws IOException {
        return archives("-serve-");
    }

    /** The archives of the private installation's {@code var/} whose name holds {@code kind}. */
    private static List<Path> archives(String kind) throws IOException {
        Path var = MXCP.home().resolve("var");
        if (!Files.isDirectory(var)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(var)) {
            return files.filter(file -> file.getFileName().toString().contains(kind)
                    && file.getFileName().toString().endsWith(".jsa")).toList();
        }
    }
}
