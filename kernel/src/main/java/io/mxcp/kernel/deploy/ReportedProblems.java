package io.mxcp.kernel.deploy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;

import io.mxcp.kernel.api.PluginProblems;

/** The problems reported for each bundle since the deployer last looked; the first one of a bundle is kept. */
public final class ReportedProblems implements PluginProblems {

    private final Map<Long, String> byBundle = new ConcurrentHashMap<>();

    @Override
    public void report(Bundle plugin, String problem) {
        byBundle.putIfAbsent(plugin.getBundleId(), problem);
    }

    /** The problem reported for the bundle, or null; forgotten once taken. */
    String take(Bundle bundle) {
        return byBundle.remove(bundle.getBundleId());
    }
}
