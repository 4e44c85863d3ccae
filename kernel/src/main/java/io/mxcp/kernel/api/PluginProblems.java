package io.mxcp.kernel.api;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Where a bundle that uses plugins' services reports a plugin service it cannot use (a SQL function provider whose
 * {@code functions()} throws, a function that clashes with another). Reports are made while the plugin's service is
 * bound, which for a deployed jar is while the deployer starts it: a newer version with a reported problem does not
 * replace the version that runs, which keeps serving (HOTSWAP rule 6).
 *
 * @since 1.4
 */
@ProviderType
public interface PluginProblems {

    /**
     * @param plugin  the bundle whose service cannot be used
     * @param problem what is wrong, for the log (the reporter logs it too)
     */
    void report(Bundle plugin, String problem);

    /**
     * What was reported for the bundle no longer holds (the plugin that held its SQL function was removed, and its
     * functions serve now): it is no longer shown as unable to serve.
     *
     * @param plugin the bundle whose service can now be used
     * @since 1.8
     */
    void resolved(Bundle plugin);
}
