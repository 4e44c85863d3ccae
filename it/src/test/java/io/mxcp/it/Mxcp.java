package io.mxcp.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs bin/mxcp of one home the way a user does. Every JVM it starts carries a marker system property,
 * so {@link #leftoverProcesses()} finds any that outlived its test, however it was started (directly or by a
 * client script).
 */
public final class Mxcp {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SERVE_START_LIMIT = Duration.ofSeconds(60);

    private final Path home;
    private final Path userHome;
    private final String marker;

    /** @param userHome the HOME the commands see, so no user config of the machine leaks in */
    public Mxcp(Path home, Path userHome) {
        this.home = home;
        this.userHome = userHome;
        this.marker = "mxcp.it.run=" + UUID.randomUUID();
    }

    public Path home() {
        return home;
    }

    Path launcher() {
        return home.resolve("bin/mxcp");
    }

    /** The command line that starts mxcp with these arguments (for client scripts that spawn it themselves). */
    List<String> commandLine(String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** The environment mxcp runs with; client scripts pass theirs on to the server they spawn. */
    void configure(Map<String, String> environment) {
        environment.put("HOME", userHome.toString());
        environment.put("NO_COLOR", "1");
        environment.remove("MXCP_CONFIG");
        environment.remove("MXCP_PROFILE");
        environment.remove("MXCP_READONLY");
        String options = environment.getOrDefault("MXCP_JAVA_OPTS", "");
        environment.put("MXCP_JAVA_OPTS", (options + " -D" + marker).strip());
    }

    /** mxcp's environment with a command's own variables over it; JVM options of its own keep the process marker. */
    private void configure(Map<String, String> environment, Map<String, String> extra) {
        configure(environment);
        environment.putAll(extra);
        if (extra.containsKey("MXCP_JAVA_OPTS")) {
            environment.put("MXCP_JAVA_OPTS", extra.get("MXCP_JAVA_OPTS") + " -D" + marker);
        }
    }

    /** Runs one command to completion in {@code folder}. */
    public CommandResult run(Path folder, String... args) {
        return run(folder, Map.of(), args);
    }

    /** Runs one command to completion in {@code folder} with extra environment variables (MXCP_CONFIG, ...). */
    public CommandResult run(Path folder, Map<String, String> environment, String... args) {
        try {
            Path out = Files.createTempFile(userHome, "stdout", ".txt");
            Path err = Files.createTempFile(userHome, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(commandLine(args))
                    .directory(folder.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            configure(builder.environment(), environment);
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                Processes.stop(process);
                throw new AssertionError("mxcp " + String.join(" ", args) + " did not finish within " + COMMAND_TIMEOUT
                        + "\n--- stderr\n" + Files.readString(err));
            }
            CommandResult result = new CommandResult(process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Starts a long-running command (serve) in {@code folder}; its stdout and stderr are collected. */
    ServerProcess start(Path folder, String... args) {
        return start(folder, Map.of(), args);
    }

    /** Starts a long-running command with extra environment variables (MXCP_ADMIN_ENABLED, ...). */
    ServerProcess start(Path folder, Map<String, String> environment, String... args) {
        ProcessBuilder builder = new ProcessBuilder(commandLine(args))
                .directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        configure(builder.environment(), environment);
        try {
            return new ServerProcess(builder.start(), String.join(" ", args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code mxcp init NAME --bootstrap} in {@code work}, insists that it succeeds, and returns the project. */
    Path bootstrap(Path work, String name) {
        CommandResult init = run(work, "init", name, "--bootstrap");
        if (init.exitCode() != 0) {
            throw new AssertionError("mxcp init " + name + " --bootstrap failed\n" + init.describe());
        }
        return work.resolve(name);
    }

    /** Starts {@code mxcp serve --port PORT} in {@code project} and waits until the server answers. */
    ServerProcess serve(Path project, int port) {
        return start(project, "serve", "--port", Integer.toString(port)).awaitHealthy(port, SERVE_START_LIMIT);
    }

    /** Processes started by this runner (or by scripts it configured) that are still alive. */
    List<ProcessHandle> leftoverProcesses() {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .toList();
    }
}
