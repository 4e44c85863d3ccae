package io.mxcp.cli.fakes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mxcp.cli.command.MxcpCli;
import io.mxcp.cli.context.CliContext;
import io.mxcp.kernel.api.CommandStreams;
import io.mxcp.kernel.api.KernelEnvironment;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;

/** Runs {@code mxcp} in-process with captured streams, as the kernel would. */
public final class Cli {

    public final Path workingDirectory;
    public final FakeServices services;
    public final Map<String, String> environment = new HashMap<>();
    public boolean interactive;
    public String input = "";
    public Path launcher;
    /** The signals the process is taken to have been started with ignored. */
    public Set<ProcessSignal> ignoredSignals = Set.of();

    public Cli(Path workingDirectory, FakeServices services) {
        this.workingDirectory = workingDirectory;
        this.services = services;
        environment.put("HOME", workingDirectory.resolve("home").toString());
    }

    public Outcome run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandStreams streams = new CommandStreams(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                interactive);
        KernelEnvironment kernel = new KernelEnvironment() {
            @Override
            public String version() {
                return "0.1.0";
            }

            @Override
            public Path home() {
                return workingDirectory;
            }

            @Override
            public Path deployDirectory() {
                return workingDirectory.resolve("deploy");
            }

            @Override
            public Optional<Path> launcher() {
                return Optional.ofNullable(launcher);
            }

            @Override
            public Set<ProcessSignal> ignoredSignals() {
                return ignoredSignals;
            }
        };
        int exit = MxcpCli.run(List.of(arguments), new CliContext(streams, environment, workingDirectory, services, kernel));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public record Outcome(int exit, String out, String err) {
    }
}
