package io.mxcp.cli.context;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.mxcp.cli.output.Terminal;
import io.mxcp.kernel.api.CommandStreams;
import io.mxcp.kernel.api.KernelEnvironment;

/**
 * Everything a command works with: the process's streams, environment and working directory, the other
 * bundles' services and the kernel's description of the installation.
 */
public record CliContext(CommandStreams streams, Map<String, String> environment, Path workingDirectory,
        ServiceAccess services, KernelEnvironment kernel) {

    private static final Set<String> TRUE_WORDS = Set.of("1", "true", "yes");

    public Terminal terminal() {
        return new Terminal(streams, environment);
    }

    /** Whether an environment flag such as {@code MXCP_READONLY} is on (1, true or yes, any case). */
    public boolean flag(String name) {
        String value = environment.get(name);
        return value != null && TRUE_WORDS.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /** An environment variable, or null when unset or empty. */
    public String variable(String name) {
        String value = environment.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
