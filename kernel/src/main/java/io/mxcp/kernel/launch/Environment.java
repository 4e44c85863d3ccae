package io.mxcp.kernel.launch;

import java.nio.file.Path;
import java.util.Optional;

import io.mxcp.kernel.api.KernelEnvironment;

/** The {@link KernelEnvironment} service: read from the kernel's settings. */
final class Environment implements KernelEnvironment {

    private final KernelSettings settings;

    Environment(KernelSettings settings) {
        this.settings = settings;
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
