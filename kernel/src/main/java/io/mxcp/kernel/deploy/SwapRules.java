package io.mxcp.kernel.deploy;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * HOTSWAP.md rule 3 at the deploy folder: bundles that export packages are libraries other bundles are wired to, and
 * swapping one refreshes (stops and restarts) every bundle wired to it. So a jar may not replace, while mxcp runs, a
 * bundle started from {@code bundles/} that exports packages (the plugin SDK, the core, the MCP server: they are
 * replaced in {@code bundles/} with a restart); and a plugin that exports packages is deployed with a warning.
 */
final class SwapRules {

    /** Where the deployer installs from; every other location is the distribution's own {@code bundles/}. */
    static final String DEPLOY_LOCATION_PREFIX = "deploy:";

    private SwapRules() {
    }

    /** Why a jar of this symbolic name may not be deployed now, or null when it may. */
    static String refusal(BundleContext context, String symbolicName) {
        for (Bundle running : context.getBundles()) {
            boolean platform = running.getBundleId() != 0 && DeployDirectory.deployedFile(running).isEmpty();
            if (platform && symbolicName.equals(running.getSymbolicName())
                    && running.getHeaders().get(Constants.EXPORT_PACKAGE) != null) {
                return symbolicName + " is part of the platform and exports packages other bundles are wired to: it"
                        + " cannot be swapped while mxcp runs; replace it in bundles/ and restart";
            }
        }
        return null;
    }

    /** A warning for a deployed bundle that exports packages, or null when it exports none. */
    static String exportWarning(Bundle deployed) {
        String exports = deployed.getHeaders().get(Constants.EXPORT_PACKAGE);
        if (exports == null) {
            return null;
        }
        return "exports packages (" + exports + "): bundles wired to them restart whenever it is swapped; a plugin"
                + " should keep its packages private";
    }
}
