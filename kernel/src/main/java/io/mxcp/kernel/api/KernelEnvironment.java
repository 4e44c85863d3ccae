package io.mxcp.kernel.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Bundle;

/** Where the kernel runs from. */
public interface KernelEnvironment {

    /** The product version (e.g. {@code 0.1.0}). */
    String version();

    /**
     * Which build of the version this is: the distribution's build time in UTC and, when it was built from a Git
     * checkout, the commit ({@code 20261129.185300 80ca614d}); empty outside a distribution. Two builds of one
     * snapshot version differ here only.
     *
     * @since 1.11
     */
    default Optional<String> build() {
        return Optional.empty();
    }

    /** The distribution's home folder (holding {@code bin/}, {@code lib/}, {@code bundles/}, ...). */
    Path home();

    /** The hot-deploy folder watched for plugin bundles. */
    Path deployDirectory();

    /** The {@code bin/mxcp} launcher script, when started through it. */
    Optional<Path> launcher();

    /**
     * The signals this process was started with ignored, which it therefore cannot receive: {@code SIGHUP} under
     * {@code nohup}, {@code SIGINT} for a command a script started in the background.
     *
     * @since 1.3
     */
    default Set<ProcessSignalHandler.ProcessSignal> ignoredSignals() {
        return Set.of();
    }

    /**
     * The jar a bundle was installed from: one of {@code bundles/} (the platform, installed at start) or of the deploy
     * folder (hot deployed); empty for the framework itself.
     *
     * @since 1.4
     */
    default Optional<BundleJar> jarOf(Bundle bundle) {
        return Optional.empty();
    }

    /**
     * Why a bundle that runs cannot serve: a deployed plugin whose services a consumer could not use when it was
     * installed (its SQL functions clash, {@code functions()} threw). Empty for a bundle that serves.
     *
     * @since 1.6
     */
    default Optional<String> problemOf(Bundle bundle) {
        return Optional.empty();
    }

    /**
     * The jars of the deploy folder that were not taken when last tried — unreadable, not a bundle, imports nothing
     * exports, failing to start, or a new version that could not serve — in file name order. A jar leaves the list
     * when its file is removed or a later version of it is taken. The log said the same when it happened.
     *
     * @since 1.7
     */
    default List<RefusedJar> refusedJars() {
        return List.of();
    }

    /**
     * @param fileName     the jar's file name in the deploy folder
     * @param reason       why it was not taken, as the log said
     * @param symbolicName its {@code Bundle-SymbolicName}, or null when it is not a bundle jar (since 1.8)
     * @param version      its {@code Bundle-Version}, or null when it is not a bundle jar (since 1.8)
     * @since 1.7
     */
    record RefusedJar(String fileName, String reason, String symbolicName, String version) {
    }

    /**
     * @param deployed whether it came from the deploy folder
     * @param fileName the jar's file name in its folder
     * @since 1.4
     */
    record BundleJar(boolean deployed, String fileName) {
    }
}
