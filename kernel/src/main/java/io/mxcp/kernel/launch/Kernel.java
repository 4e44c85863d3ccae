package io.mxcp.kernel.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;

import io.mxcp.kernel.api.DuckDbHost;
import io.mxcp.kernel.api.FileFailureText;
import io.mxcp.kernel.api.KernelEnvironment;
import io.mxcp.kernel.api.PluginProblems;
import io.mxcp.kernel.api.ProcessSignalHandler;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;
import io.mxcp.kernel.deploy.DeployDirectory;
import io.mxcp.kernel.deploy.ReportedProblems;
import io.mxcp.kernel.duckdb.KernelDuckDbHost;
import io.mxcp.kernel.graal.SharedPolyglotEngine;
import io.mxcp.kernel.logging.OsgiLoggers;

/**
 * The running kernel: an embedded Felix with every jar of {@code bundles/} and {@code deploy/} installed, the
 * kernel services registered by the system bundle, and the deploy folder watched. A signal may close it while the
 * main thread still starts it: starting and closing take turns, and closing twice is harmless.
 */
public final class Kernel implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Kernel.class.getName());
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final KernelSettings settings;
    private final boolean debug;
    private final FelixLogBridge felixLog;
    private final KernelDuckDbHost duckDb = new KernelDuckDbHost();
    private Framework framework;
    private DeployDirectory deployDirectory;
    private AutoCloseable polyglot;
    private FrameworkStorage storage;
    private volatile ServiceTracker<ProcessSignalHandler, ProcessSignalHandler> signalHandlers;
    private boolean closed;

    public Kernel(KernelSettings settings, boolean debug) {
        this.settings = settings;
        this.debug = debug;
        this.felixLog = new FelixLogBridge(debug);
    }

    /**
     * @param ignoredSignals the signals the process cannot receive (see {@link KernelEnvironment#ignoredSignals()})
     * @param handlerAdded   told of each {@link ProcessSignalHandler} as it is registered
     */
    public synchronized void start(Set<ProcessSignal> ignoredSignals, Consumer<ProcessSignalHandler> handlerAdded)
            throws KernelException {
        if (closed) {
            throw new KernelException("The kernel was stopped before it started");
        }
        try {
            Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
            try {
                storage = FrameworkStorage.create(temporary);
            } catch (IOException e) {
                throw new KernelException("Cannot start the OSGi framework: its temporary folder " + temporary
                        + " cannot be used (" + FileFailureText.of(e) + "); bin/mxcp takes another from TMPDIR", e);
            }
            framework = new Felix(frameworkConfiguration(storage.cache()));
            framework.init();
            BundleContext context = framework.getBundleContext();
            context.registerService(DuckDbHost.class, duckDb, null);
            ReportedProblems problems = new ReportedProblems();
            context.registerService(KernelEnvironment.class, new Environment(settings, ignoredSignals, problems), null);
            context.registerService(PluginProblems.class, problems, null);
            context.registerService(LoggerFactory.class, OsgiLoggers.serviceFactory(problems::logged), null);
            polyglot = SharedPolyglotEngine.registerIfPresent(context);
            signalHandlers = new ServiceTracker<>(context, ProcessSignalHandler.class, null) {
                @Override
                public ProcessSignalHandler addingService(ServiceReference<ProcessSignalHandler> reference) {
                    ProcessSignalHandler handler = super.addingService(reference);
                    if (handler != null) {
                        handlerAdded.accept(handler);
                    }
                    return handler;
                }
            };
            signalHandlers.open();
            framework.start();
            startBundles(context, installCoreBundles(context, settings.bundles(), storage.cache()));
            deployDirectory = new DeployDirectory(settings.deploy(), context, problems, settings.deployPollMillis());
            deployDirectory.deployPresent();
            deployDirectory.startWatching();
        } catch (BundleException | IOException e) {
            throw new KernelException("Cannot start the OSGi framework: " + e.getMessage(), e);
        }
    }

    public BundleContext bundleContext() {
        return framework.getBundleContext();
    }

    /** The {@link ProcessSignalHandler} services registered now; none before the framework exists or once it stopped. */
    public List<ProcessSignalHandler> signalHandlers() {
        ServiceTracker<ProcessSignalHandler, ProcessSignalHandler> tracker = signalHandlers;
        return tracker == null ? List.of() : Arrays.asList(tracker.getServices(new ProcessSignalHandler[0]));
    }

    private Map<String, Object> frameworkConfiguration(Path cache) {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                SystemPackages.fromClassPath(System.getProperty("java.class.path")));
        config.put(Constants.FRAMEWORK_BOOTDELEGATION, "sun.misc,sun.misc.*");
        // a rebuilt plugin jar of an unchanged version is swapped side by side like any other
        config.put(Constants.FRAMEWORK_BSNVERSION, Constants.FRAMEWORK_BSNVERSION_MULTIPLE);
        config.put("felix.log.logger", felixLog);
        settings.frameworkProperties().forEach((key, value) -> config.put((String) key, value));
        return config;
    }

    /**
     * Installs every jar of the distribution's bundle folder by reference (no copy), in name order. The commands need
     * them all, so one that cannot be installed ends the start at once, with the cause the framework wraps (a full
     * temporary folder: {@code No space left on device}) rather than a wait for a command line handler that cannot
     * come.
     */
    private static List<Bundle> installCoreBundles(BundleContext context, Path folder, Path cache)
            throws IOException, KernelException {
        List<Bundle> installed = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            LOG.log(System.Logger.Level.WARNING, "Bundle folder {0} does not exist", folder);
            return installed;
        }
        try (Stream<Path> jars = Files.list(folder)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted(Comparator.naturalOrder()).toList()) {
                try {
                    installed.add(context.installBundle(Environment.REFERENCE + jar.toUri()));
                } catch (BundleException e) {
                    throw new KernelException("Cannot install " + jar + " into the OSGi framework's cache " + cache
                            + ": " + deepestCause(e) + " (the cache is in the temporary folder, TMPDIR)", e);
                }
            }
        }
        return installed;
    }

    /** The innermost cause's words: what the file system said, under the framework's "Unable to cache bundle". */
    private static String deepestCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return FileFailureText.of(cause);
    }

    private static void startBundles(BundleContext context, List<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException e) {
                LOG.log(System.Logger.Level.ERROR, "Cannot start {0}: {1}", bundle.getLocation(), e.getMessage());
            }
        }
    }

    /**
     * Closes the kernel under a command still running (a signal before the command could take it): what the framework
     * then logs about the bundles it closed under that command is no error of the process.
     */
    public void closeUnderCommand() {
        felixLog.stoppedUnderCommand();
        close();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (signalHandlers != null) {
            signalHandlers.close();
            signalHandlers = null;
        }
        if (deployDirectory != null) {
            deployDirectory.close();
        }
        if (framework != null) {
            try {
                framework.stop();
                framework.waitForStop(STOP_TIMEOUT_MILLIS);
            } catch (BundleException e) {
                LOG.log(System.Logger.Level.WARNING, "Stopping the framework failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            framework = null;
        }
        closePolyglot();
        duckDb.closeAll();
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }

    private void closePolyglot() {
        if (polyglot == null) {
            return;
        }
        try {
            polyglot.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Closing the polyglot engine failed: " + e.getMessage());
        }
        polyglot = null;
    }
}
