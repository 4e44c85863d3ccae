package io.mxcp.kernel.launch;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import io.mxcp.kernel.api.KernelEnvironment;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;

/** The {@link KernelEnvironment} service: read from the kernel's settings. */
final class Environment implements KernelEnvironment {

    private final KernelSettings settings;
    private final Set<ProcessSignal> ignoredSignals;

    Environment(KernelSettings settings, Set<ProcessSignal> ignoredSignals) {
        this.settings = settings;
        this.ignoredSignals = Set.copyOf(ignoredSignals);
    }

    @Override
    public Set<ProcessSignal> ignoredSignals() {
        return ignoredSignals;
    }

    @Override
    public String version() {
        return settings.version();
    }

    @Override
    public Path home() {
        return settings.home();
    }

    @Override
    public Path deployDirectory() {
        return settings.deploy();
    }

    @Override
    public Optional<Path> launcher() {
        return settings.launcher();
    }
}
