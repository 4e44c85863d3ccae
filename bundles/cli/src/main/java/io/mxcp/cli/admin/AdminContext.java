package io.mxcp.cli.admin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.mxcp.cli.context.InstalledBundle;
import io.mxcp.cli.serve.ReloadStatus;
import io.mxcp.core.api.Project;

/**
 * What the admin routes report on and act upon: the running {@code mxcp serve}.
 *
 * @param version      the distribution's version
 * @param build        which build of it (time and commit), null outside a distribution
 * @param started      when the server started
 * @param debug        whether it runs with {@code --debug}
 * @param socket       the admin socket's path
 * @param transport    the transport's CLI name
 * @param sqlTools     whether the built-in SQL tools are served
 * @param project      the project served at each moment (a reload replaces it)
 * @param reloadStatus the reloads' state
 * @param stopping     whether a stop signal came and the server drains its calls before it ends
 * @param reload       queues a reload, as SIGHUP does
 * @param bundles      the bundles installed at each moment (a deploy changes them)
 * @param deployFolder the folder watched for plugin jars
 */
public record AdminContext(String version, String build, Instant started, boolean debug, Path socket, String transport,
        boolean sqlTools, Supplier<Project> project, Supplier<ReloadStatus> reloadStatus, BooleanSupplier stopping,
        Runnable reload,
        Supplier<List<InstalledBundle>> bundles, Path deployFolder) {
}
