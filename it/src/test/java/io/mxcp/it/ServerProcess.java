package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A running `mxcp serve`: its collected stderr, a wait for readiness, and a stop that leaves nothing behind. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final String command;
    /** What the launcher logs before the JVM writes its class-data archive at exit. */
    private static final String WRITING_ARCHIVE = "Writing the JVM's class-data archive";
    private static final Duration ARCHIVE_WRITE_ALLOWANCE = Duration.ofSeconds(120);

    private final StringBuffer stderr = new StringBuffer();
    private final StringBuffer stdout = new StringBuffer();
    private final Thread stderrReader;
    private final Thread stdoutReader;

    ServerProcess(Process process, String command) {
        this.process = process;
        this.command = command;
        this.stderrReader = Thread.ofPlatform().daemon().name("stderr of mxcp " + command)
                .start(() -> collect(process.getErrorStream(), stderr));
        this.stdoutReader = Thread.ofPlatform().daemon().name("stdout of mxcp " + command)
                .start(() -> collect(process.getInputStream(), stdout));
    }

    private static void collect(InputStream stream, StringBuffer lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.append(line).append('\n');
            }
        } catch (IOException streamClosed) {
            // the process is gone; what was read so far stays in the buffer
        }
    }

    String stderr() {
        return stderr.toString();
    }

    /** What the command printed on stdout so far (all of it once {@link #awaitExit} returned). */
    String stdout() {
        return stdout.toString();
    }

    /**
     * Waits until GET /health on {@code port} answers 200; fails early if the server exits. A server that is not ready
     * in time is stopped before the failure is thrown: its caller never gets hold of it, and it would otherwise run
     * (and load the machine) until the whole test run ends.
     */
    ServerProcess awaitHealthy(int port, Duration limit) {
        try {
            pollHealth(port, limit);
        } catch (AssertionError notReady) {
            close();
            throw notReady;
        }
        return this;
    }

    private void pollHealth(int port, Duration limit) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        Poll.until(limit, "GET /health on port " + port + " to answer 200 (mxcp " + command + ")", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("mxcp " + command + " exited with " + process.exitValue()
                        + " before it was ready\n--- stderr\n" + stderr());
            }
            try {
                return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200 ? true : null;
            } catch (IOException notYetListening) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }, this::describe);
    }

    /** Waits until a stderr line satisfies {@code matcher}, and returns that line. */
    String awaitStderrLine(Duration limit, String description, Predicate<String> matcher) {
        return awaitStderrLineAfter(0, limit, description, matcher);
    }

    /** How much the server has written to stderr so far: a mark for {@link #awaitStderrLineAfter}. */
    int stderrMark() {
        return stderr.length();
    }

    /** As {@link #awaitStderrLine}, among the lines written after the mark only. */
    String awaitStderrLineAfter(int mark, Duration limit, String description, Predicate<String> matcher) {
        return Poll.until(limit, description,
                () -> stderr().substring(mark).lines().filter(matcher).findFirst().orElse(null), this::describe);
    }

    /** Waits until a log line ends with {@code ending} (a deploy's "started x 1.2.3", say). */
    void awaitLogLineEnding(Duration limit, String ending) {
        awaitStderrLine(limit, "'" + ending + "' in the log", line -> line.endsWith(ending));
    }

    /** Fails, showing the log, if the server logged an error or a warning (a failed deploy, a drain that timed out). */
    void assertNoProblemsLogged() {
        List<String> problems = stderr().lines()
                .filter(line -> line.contains(" ERROR ") || line.contains(" WARN ")).toList();
        assertEquals(List.of(), problems, this::describe);
    }

    long pid() {
        return process.pid();
    }

    /** Sends a signal by name ({@code TERM}, {@code INT}, {@code HUP}) as {@code kill} does. */
    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " failed: " + said);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run kill: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The server's JVM: the process itself when bin/mxcp replaced itself with java, else the child it started. */
    ProcessHandle jvm() {
        return startedJvm()
                .orElseThrow(() -> new AssertionError("no java process runs mxcp " + command + "\n" + describe()));
    }

    /** As {@link #jvm()}; empty while bin/mxcp has not started java yet. */
    Optional<ProcessHandle> startedJvm() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(handle -> handle.info().command().map(path -> path.endsWith("/java")).orElse(false))
                .findFirst();
    }

    /**
     * Kills the server's {@link #jvm()} with SIGKILL ({@link ProcessHandle#destroyForcibly} on Unix), so no shutdown
     * hook runs, as in a crash.
     *
     * @return when ({@link System#nanoTime()}) the signal was sent
     */
    long killJvm() {
        ProcessHandle jvm = jvm();
        long sent = System.nanoTime();
        if (!jvm.destroyForcibly()) {
            throw new AssertionError("SIGKILL to " + jvm.pid() + " failed\n" + describe());
        }
        return sent;
    }

    /**
     * Waits for the process to end by itself and returns its exit code; fails if it still runs after {@code limit},
     * or after {@link #ARCHIVE_WRITE_ALLOWANCE} more when it said it writes the JVM's class-data archive before exiting
     * (the installation's first server does: tens of seconds on a loaded machine).
     */
    int awaitExit(Duration limit) {
        try {
            boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited && stderr.indexOf(WRITING_ARCHIVE) >= 0) {
                exited = process.waitFor(ARCHIVE_WRITE_ALLOWANCE.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (!exited) {
                throw new AssertionError("mxcp " + command + " still running " + limit.toSeconds() + " s later\n"
                        + describe());
            }
            // the last lines, written just before the exit
            stderrReader.join(Duration.ofSeconds(5));
            stdoutReader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String describe() {
        return "--- stderr of mxcp " + command + (process.isAlive() ? " (running)" : " (exited " + process.exitValue() + ")")
                + "\n" + stderr() + (stdout.isEmpty() ? "" : "--- stdout\n" + stdout());
    }

    /** Writes one line to the command's standard input (a stdio MCP message). */
    void send(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to mxcp " + command + "\n" + describe(), e);
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
