package io.mxcp.cli.context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import io.mxcp.core.api.ProjectService;
import io.mxcp.kernel.api.KernelEnvironment;
import io.mxcp.kernel.api.ProcessSignalHandler;
import io.mxcp.mcp.api.McpServerService;
import io.mxcp.sdk.model.ChatModelProvider;

/** Gets services from the OSGi registry on first use and releases them when the command ends. */
public final class BundleServiceAccess implements ServiceAccess, AutoCloseable {

    private final BundleContext bundleContext;
    private final List<ServiceReference<?>> held = new ArrayList<>();

    public BundleServiceAccess(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    @Override
    public ProjectService projectService() throws CommandFailure {
        return get(ProjectService.class, "MXCP core bundle is not installed");
    }

    @Override
    public McpServerService mcpServer() throws CommandFailure {
        return get(McpServerService.class, "MCP server bundle is not installed");
    }

    /** The best-ranked provider of that type (a third party's bundle may add types or replace ours). */
    @Override
    public synchronized ChatModelProvider chatModelProvider(String type) throws CommandFailure {
        ServiceReference<?>[] references;
        try {
            references = bundleContext.getServiceReferences(ChatModelProvider.class.getName(), null);
        } catch (InvalidSyntaxException noFilter) {
            throw new IllegalStateException(noFilter);
        }
        if (references != null) {
            Arrays.sort(references, Collections.reverseOrder());
            for (ServiceReference<?> reference : references) {
                if (bundleContext.getService(reference) instanceof ChatModelProvider provider
                        && type.equals(provider.type())) {
                    held.add(reference);
                    return provider;
                }
                bundleContext.ungetService(reference);
            }
        }
        throw CommandFailure.command("Unknown model type: " + type);
    }

    @Override
    public List<InstalledBundle> installedBundles() {
        ServiceReference<KernelEnvironment> kernelReference = bundleContext.getServiceReference(KernelEnvironment.class);
        KernelEnvironment kernel = kernelReference == null ? null : bundleContext.getService(kernelReference);
        try {
            List<InstalledBundle> bundles = new ArrayList<>();
            for (Bundle bundle : bundleContext.getBundles()) {
                Optional<KernelEnvironment.BundleJar> jar = kernel == null ? Optional.empty() : kernel.jarOf(bundle);
                String source = bundle.getBundleId() == 0 ? "framework"
                        : jar.map(found -> found.deployed() ? "deploy" : "bundles").orElse("bundles");
                bundles.add(new InstalledBundle(bundle.getSymbolicName(), bundle.getVersion().toString(),
                        stateName(bundle.getState()), source, jar.map(KernelEnvironment.BundleJar::fileName).orElse(null),
                        serviceNames(bundle), kernel == null ? null : kernel.problemOf(bundle).orElse(null)));
            }
            for (KernelEnvironment.RefusedJar refused : kernel == null ? List.<KernelEnvironment.RefusedJar>of()
                    : kernel.refusedJars()) {
                bundles.add(new InstalledBundle(refused.symbolicName(), refused.version(), "refused", "deploy",
                        refused.fileName(), List.of(), refused.reason()));
            }
            return bundles;
        } finally {
            if (kernel != null) {
                bundleContext.ungetService(kernelReference);
            }
        }
    }

    private static List<String> serviceNames(Bundle bundle) {
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        return registered == null ? List.of() : Arrays.stream(registered)
                .flatMap(service -> Arrays.stream((String[]) service.getProperty(Constants.OBJECTCLASS)))
                .distinct().sorted().toList();
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.UNINSTALLED -> "uninstalled";
            default -> "installed";
        };
    }

    /** A whiteboard service the kernel's signal dispatch finds. */
    @Override
    public Registration onProcessSignal(ProcessSignalHandler handler) {
        ServiceRegistration<ProcessSignalHandler> registration =
                bundleContext.registerService(ProcessSignalHandler.class, handler, null);
        return () -> {
            try {
                registration.unregister();
            } catch (IllegalStateException goneAlready) {
                // unregistered when the framework stopped the bundle
            }
        };
    }

    private synchronized <T> T get(Class<T> type, String whenAbsent) throws CommandFailure {
        ServiceReference<T> reference = bundleContext.getServiceReference(type);
        T service = reference == null ? null : bundleContext.getService(reference);
        if (service == null) {
            throw CommandFailure.command(whenAbsent);
        }
        held.add(reference);
        return service;
    }

    @Override
    public synchronized void close() {
        for (ServiceReference<?> reference : held) {
            try {
                bundleContext.ungetService(reference);
            } catch (IllegalStateException stoppedAlready) {
                // the bundle context is gone once the framework stops; nothing left to release
            }
        }
        held.clear();
    }
}
