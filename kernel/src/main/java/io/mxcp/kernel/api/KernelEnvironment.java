package io.mxcp.kernel.api;

import java.nio.file.Path;
import java.util.Optional;

/** Where the kernel runs from. */
public interface KernelEnvironment {

    /** The product version (e.g. {@code 0.1.0}). */
    String version();

    /** The distribution's home folder (holding {@code bin/}, {@code lib/}, {@code bundles/}, ...). */
    Path home();

    /** The hot-deploy folder watched for plugin bundles. */
    Path deployDirectory();

    /** The {@code bin/mxcp} launcher script, when started through it. */
    Optional<Path> launcher();
}
