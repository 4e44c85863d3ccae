package io.mxcp.kernel.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs, replaces and removes deployed bundles. A replacement is installed and started beside the running
 * version before the old one is stopped (HOTSWAP.md rule 6): consumers' dynamic references move to the new
 * services, and the old bundle drains and goes. Only the removed bundle is refreshed. A replacement that starts but
 * cannot serve — a service of it cannot be created, or a consumer reported it unusable while binding it — is removed
 * again and the running version keeps serving. A rebuilt jar of the same symbolic name and version is swapped the
 * same way (the framework allows both side by side).
 */
final class SideBySideInstaller {

    private static final System.Logger LOG = System.getLogger("io.mxcp.kernel.deploy");
    private static final long REFRESH_TIMEOUT_SECONDS = 10;

    private final BundleContext context;
    private final ReportedProblems problems;
    private long installCount;

    SideBySideInstaller(BundleContext context, ReportedProblems problems) {
        this.context = context;
        this.problems = problems;
    }

    /**
     * Installs and starts the jar. Returns the started bundle, or null after logging why it could not be
     * installed (the previous version, if any, keeps running).
     */
    Bundle install(Path file, Bundle previous) {
        String name = file.getFileName().toString();
        Bundle bundle = installed(file, name);
        if (bundle == null || !started(bundle, name)) {
            warnOfNextStart(previous, name);
            return null;
        }
        Bundle taken = takeOver(bundle, previous, name);
        if (taken != null) {
            problems.settle(name);
        }
        return taken;
    }

    /**
     * Logs why the jar was not taken and keeps it for the admin socket's {@code /bundles}, with its bundle name and
     * version when it is a bundle jar (else both null).
     */
    private void refuse(String name, String reason, String symbolicName, String version) {
        LOG.log(System.Logger.Level.ERROR, "deploy: {0}: {1}", name, reason);
        problems.refuse(name, reason, symbolicName, version);
    }

    private void refuse(String name, String reason, Bundle bundle) {
        refuse(name, reason, bundle.getSymbolicName(), bundle.getVersion().toString());
    }

    /**
     * The jar refused stays in the deploy folder, while the version it did not replace runs from the framework's
     * copy: what serves now is not what the next start loads, so say so.
     */
    private static void warnOfNextStart(Bundle previous, String name) {
        if (previous != null) {
            LOG.log(System.Logger.Level.WARNING, "deploy: {0}: {1} {2} keeps serving until the server stops, but the "
                    + "next start loads {0} as it is now: replace it with a version that works, or put {1} {2} back",
                    name, previous.getSymbolicName(), previous.getVersion());
        }
    }

    /** The jar installed beside what runs, or null after logging why it was not. */
    private Bundle installed(Path file, String name) {
        JarInspection inspection = JarInspection.of(file);
        String problem = inspection.problem() != null ? inspection.problem()
                : SwapRules.refusal(context, inspection.symbolicName());
        if (problem != null) {
            refuse(name, problem, inspection.symbolicName(), inspection.version());
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return context.installBundle(SwapRules.DEPLOY_LOCATION_PREFIX + name + "#" + (++installCount), in);
        } catch (BundleException e) {
            refuse(name, "cannot install: " + FrameworkMessages.of(e), inspection.symbolicName(),
                    inspection.version());
        } catch (IOException e) {
            refuse(name, "cannot read: " + e.getMessage(), inspection.symbolicName(), inspection.version());
        }
        return null;
    }

    /** Whether the bundle started; one that did not is uninstalled after logging why. */
    private boolean started(Bundle bundle, String name) {
        try {
            bundle.start();
            return true;
        } catch (BundleException e) {
            refuse(name, whyNotStarted(bundle, e), bundle);
            LOG.log(System.Logger.Level.DEBUG, "deploy: " + name + ": the framework said", e);
            uninstall(bundle);
            return false;
        }
    }

    /**
     * The started bundle replaces the previous version, unless it cannot serve while that one runs: then it goes and
     * the previous one stays (null).
     */
    private Bundle takeOver(Bundle bundle, Bundle previous, String name) {
        String unusable = problemOf(bundle);
        if (unusable != null && previous != null) {
            String what = bundle.getSymbolicName() + " " + bundle.getVersion();
            uninstall(bundle); // logged once gone, so the line tells what serves
            refuse(name, what + " not taken, " + previous.getSymbolicName() + " " + previous.getVersion()
                    + " keeps serving: " + unusable, bundle);
            warnOfNextStart(previous, name);
            return null;
        }
        if (unusable != null) {
            problems.markUnusable(bundle, unusable);
            LOG.log(System.Logger.Level.ERROR, "deploy: {0}: started {1} {2}, which cannot serve: {3}", name,
                    bundle.getSymbolicName(), bundle.getVersion(), unusable);
        } else {
            LOG.log(System.Logger.Level.INFO, "deploy: {0}: started {1} {2}", name, bundle.getSymbolicName(),
                    bundle.getVersion());
        }
        String exports = SwapRules.exportWarning(bundle);
        if (exports != null) {
            LOG.log(System.Logger.Level.WARNING, "deploy: {0}: {1}", name, exports);
        }
        if (previous != null) {
            remove(previous, name);
        }
        return bundle;
    }

    private String whyNotStarted(Bundle bundle, BundleException e) {
        if (e.getType() != BundleException.RESOLVE_ERROR) {
            return "cannot start: " + FrameworkMessages.of(e);
        }
        String imports = UnresolvedImports.explain(context, bundle);
        return "cannot resolve: " + (imports != null ? imports : e.getMessage());
    }

    /**
     * What keeps a started bundle from serving: a problem a consumer reported while binding its services, or a
     * service of it that cannot be created (a Declarative Services component whose class is missing or whose
     * activation throws: the error the runtime logged for the bundle says why).
     */
    private String problemOf(Bundle bundle) {
        String reported = problems.take(bundle);
        if (reported != null) {
            return reported;
        }
        ServiceReference<?>[] services = bundle.getRegisteredServices();
        for (ServiceReference<?> service : services == null ? new ServiceReference<?>[0] : services) {
            try {
                if (context.getService(service) == null) {
                    return "its service " + String.join(", ", (String[]) service.getProperty(Constants.OBJECTCLASS))
                            + " cannot be created" + problems.lastLogged(bundle).map(": "::concat)
                                    .orElse(" (the log says why)");
                }
            } finally {
                context.ungetService(service);
            }
        }
        return null;
    }

    /** Stops and uninstalls a deployed bundle; SCR unbinds its services first, so calls in flight drain. */
    void remove(Bundle bundle, String fileName) {
        String what = bundle.getSymbolicName() + " " + bundle.getVersion();
        uninstall(bundle);
        LOG.log(System.Logger.Level.INFO, "deploy: {0}: removed {1}", fileName, what);
    }

    private void uninstall(Bundle bundle) {
        problems.forget(bundle);
        try {
            bundle.stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, "stopping " + bundle + " failed", e);
        }
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, "uninstalling " + bundle + " failed", e);
        }
        refresh(bundle);
    }

    private void refresh(Bundle bundle) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
