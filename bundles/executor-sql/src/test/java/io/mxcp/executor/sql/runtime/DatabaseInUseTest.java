package io.mxcp.executor.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.executor.sql.TestProject;
import io.mxcp.kernel.duckdb.KernelDuckDbHost;
import io.mxcp.sdk.exec.EndpointExecutionException;

/**
 * A database file another process holds (DuckDB locks files per process, so the holder is a second JVM): the
 * command is told which file, which process and what to do, instead of DuckDB's raw lock error.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DatabaseInUseTest {

    @TempDir
    Path dir;

    @Test
    void aWriterElsewhereShutsOutReadersAndWritersAndSaysSo() throws Exception {
        Path file = dir.resolve("data/db-default.duckdb");
        DuckDbRuntime.open(new KernelDuckDbHost(), TestProject.at(file)).close();
        Process holder = hold(file, "read-write");
        try {
            EndpointExecutionException writer = assertThrows(EndpointExecutionException.class,
                    () -> DuckDbRuntime.open(new KernelDuckDbHost(), TestProject.at(file)));
            assertEquals("Failed to create RuntimeEnvironment: The database file " + file + " is in use by another"
                    + " process (PID " + holder.pid() + "), such as a running 'mxcp serve' of this project. DuckDB lets"
                    + " only one process at a time open a database file for writing: stop that process, or, when"
                    + " neither needs to write, start both with --readonly.", writer.getMessage());

            EndpointExecutionException reader = assertThrows(EndpointExecutionException.class,
                    () -> DuckDbRuntime.open(new KernelDuckDbHost(), readOnly(file)));
            assertEquals("Failed to create RuntimeEnvironment: The database file " + file + " is open for writing in"
                    + " another process (PID " + holder.pid() + "), such as a running 'mxcp serve' of this project."
                    + " DuckDB lets read-only processes share a database file only with other read-only ones: stop"
                    + " that process, or start it with --readonly too.", reader.getMessage());
        } finally {
            release(holder);
        }
    }

    @Test
    void readOnlyProcessesShareTheFileAsTheMessageSays() throws Exception {
        Path file = dir.resolve("db.duckdb");
        DuckDbRuntime.open(new KernelDuckDbHost(), TestProject.at(file)).close();
        Process holder = hold(file, "read-only");
        try {
            DuckDbRuntime.open(new KernelDuckDbHost(), readOnly(file)).close();
            EndpointExecutionException writer = assertThrows(EndpointExecutionException.class,
                    () -> DuckDbRuntime.open(new KernelDuckDbHost(), TestProject.at(file)));
            assertTrue(writer.getMessage().contains(" is in use by another process (PID " + holder.pid() + ")"),
                    writer.getMessage());
        } finally {
            release(holder);
        }
    }

    @Test
    void aFileWhereTheDatabasesFolderShouldBeIsNamedAsSuch() throws Exception {
        Path inTheWay = Files.writeString(dir.resolve("notadir"), "a file");
        EndpointExecutionException failed = assertThrows(EndpointExecutionException.class,
                () -> DuckDbRuntime.open(new KernelDuckDbHost(), TestProject.at(inTheWay.resolve("db.duckdb"))));
        assertEquals("Failed to create RuntimeEnvironment: the database's folder " + inTheWay
                + " cannot be made: a file has that name", failed.getMessage());
    }

    @Test
    void otherFailuresKeepTheirMessageAndAHolderWithoutPidIsStillNamed() {
        Path file = Path.of("/p/db.duckdb");
        assertEquals(Optional.empty(), DatabaseInUse.explain("IO Error: Cannot open file \"x\": No such file", file, false));
        assertEquals(Optional.empty(), DatabaseInUse.explain(null, file, false));
        assertTrue(DatabaseInUse.explain("IO Error: Could not set lock on file \"/p/db.duckdb\": Conflicting lock is held",
                file, false).orElseThrow().startsWith("The database file /p/db.duckdb is in use by another process, "));
    }

    private static TestProject readOnly(Path file) {
        return new TestProject(file, true, List.of(), List.of());
    }

    /** Starts a second JVM that holds the file open in the given mode, and waits until it does. */
    private static Process hold(Path file, String mode) throws IOException, URISyntaxException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = location(LockHolder.class) + File.pathSeparator + location(DuckDBDriver.class);
        Process process = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp", classPath,
                LockHolder.class.getName(), file.toString(), mode).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals("open")) {
                return process;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the holder process exited before it opened " + file + ":\n" + seen);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static void release(Process holder) throws Exception {
        holder.getOutputStream().close();
        if (!holder.waitFor(30, TimeUnit.SECONDS)) {
            holder.destroyForcibly();
        }
    }
}
