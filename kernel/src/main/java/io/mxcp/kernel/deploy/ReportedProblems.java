package io.mxcp.kernel.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.framework.Bundle;

import io.mxcp.kernel.api.KernelEnvironment.RefusedJar;
import io.mxcp.kernel.api.PluginProblems;

/**
 * What the deployer found wrong: the problems reported for each bundle since it last looked (the first one of a
 * bundle is kept), the bundles that run but cannot serve, the jars it did not take, and the last error logged for
 * each bundle.
 */
public final class ReportedProblems implements PluginProblems {

    private final Map<Long, String> byBundle = new ConcurrentHashMap<>();
    /** Bundles that run although they cannot serve (a first install with a problem), with why. */
    private final Map<Long, String> unusable = new ConcurrentHashMap<>();
    private final Map<String, RefusedJar> refused = new ConcurrentSkipListMap<>();
    /** The last error logged for each bundle (the Declarative Services runtime's, for its components). */
    private final Map<Long, String> loggedErrors = new ConcurrentHashMap<>();

    @Override
    public void report(Bundle plugin, String problem) {
        byBundle.putIfAbsent(plugin.getBundleId(), problem);
    }

    @Override
    public void resolved(Bundle plugin) {
        byBundle.remove(plugin.getBundleId());
        unusable.remove(plugin.getBundleId());
    }

    /** The problem reported for the bundle, or null; forgotten once taken. */
    String take(Bundle bundle) {
        return byBundle.remove(bundle.getBundleId());
    }

    /** Remembers that the bundle runs but cannot serve, until it is {@link #forget forgotten}. */
    void markUnusable(Bundle bundle, String problem) {
        unusable.put(bundle.getBundleId(), problem);
    }

    void forget(Bundle bundle) {
        unusable.remove(bundle.getBundleId());
        loggedErrors.remove(bundle.getBundleId());
    }

    /** An error was logged for the bundle. */
    public void logged(Bundle bundle, String error) {
        loggedErrors.put(bundle.getBundleId(), error);
    }

    /** The last error logged for the bundle, if one was. */
    Optional<String> lastLogged(Bundle bundle) {
        return Optional.ofNullable(loggedErrors.get(bundle.getBundleId()));
    }

    /** Why a running bundle cannot serve, if it cannot. */
    public Optional<String> unusable(Bundle bundle) {
        return Optional.ofNullable(unusable.get(bundle.getBundleId()));
    }

    /** @param symbolicName the jar's bundle name and {@code version}, both null when it is not a bundle jar */
    void refuse(String fileName, String reason, String symbolicName, String version) {
        refused.put(fileName, new RefusedJar(fileName, reason, symbolicName, version));
    }

    /** The jar was taken, or its file is gone. */
    void settle(String fileName) {
        refused.remove(fileName);
    }

    /** The jars not taken, in file name order. */
    public List<RefusedJar> refusedJars() {
        return List.copyOf(refused.values());
    }
}
