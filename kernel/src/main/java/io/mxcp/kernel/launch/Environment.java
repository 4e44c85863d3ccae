package io.mxcp.kernel.launch;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Bundle;

import io.mxcp.kernel.api.KernelEnvironment;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;
import io.mxcp.kernel.deploy.DeployDirectory;
import io.mxcp.kernel.deploy.ReportedProblems;

/** The {@link KernelEnvironment} service: read from the kernel's settings. */
final class Environment implements KernelEnvironment {

    /** How the kernel installs the jars of {@code bundles/}: by reference, nothing copied. */
    static final String REFERENCE = "reference:";

    private final KernelSettings settings;
    private final Set<ProcessSignal> ignoredSignals;
    private final ReportedProblems problems;

    Environment(KernelSettings settings, Set<ProcessSignal> ignoredSignals, ReportedProblems problems) {
        this.settings = settings;
        this.ignoredSignals = Set.copyOf(ignoredSignals);
        this.problems = problems;
    }

    @Override
    public Optional<String> problemOf(Bundle bundle) {
        return problems.unusable(bundle);
    }

    @Override
    public List<RefusedJar> refusedJars() {
        return problems.refusedJars();
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
    public Optional<String> build() {
        return settings.build();
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

    @Override
    public Optional<BundleJar> jarOf(Bundle bundle) {
        Optional<String> deployed = DeployDirectory.deployedFile(bundle);
        if (deployed.isPresent()) {
            return Optional.of(new BundleJar(true, deployed.get()));
        }
        String location = bundle.getLocation();
        if (bundle.getBundleId() == 0 || !location.startsWith(REFERENCE)) {
            return Optional.empty();
        }
        Path jar = Path.of(URI.create(location.substring(REFERENCE.length())));
        return Optional.of(new BundleJar(false, jar.getFileName().toString()));
    }
}
