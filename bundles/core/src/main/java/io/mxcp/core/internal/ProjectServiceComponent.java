package io.mxcp.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.api.ProjectOptions;
import io.mxcp.core.api.ProjectService;
import io.mxcp.core.internal.audit.AuditBackends;
import io.mxcp.core.internal.config.ProjectSettingsLoader;
import io.mxcp.core.internal.config.ProjectSettings;
import io.mxcp.core.internal.pipeline.ExecutorRegistry;
import io.mxcp.core.internal.telemetry.TelemetrySession;
import io.mxcp.core.internal.telemetry.TelemetrySessions;
import io.mxcp.sdk.audit.AuditBackend;
import io.mxcp.sdk.exec.EndpointExecutor;
import io.mxcp.sdk.secrets.SecretResolver;
import io.mxcp.sdk.telemetry.TelemetryProvider;

/**
 * The core's {@link ProjectService}. Activation does nothing heavy; executors, secret resolvers, audit backends and
 * telemetry providers are optional, dynamic, greedy references so plugins can come and go while projects stay open.
 */
@Component(service = ProjectService.class)
public final class ProjectServiceComponent implements ProjectService {

    private final ExecutorRegistry executors = new ExecutorRegistry();
    private final List<SecretResolver> secretResolvers = new CopyOnWriteArrayList<>();
    private final AuditBackends auditBackends = new AuditBackends();
    private final TelemetrySessions telemetrySessions = new TelemetrySessions();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindExecutor(EndpointExecutor executor) {
        executors.add(executor);
    }

    void unbindExecutor(EndpointExecutor executor) {
        executors.remove(executor);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSecretResolver(SecretResolver resolver) {
        secretResolvers.add(resolver);
    }

    void unbindSecretResolver(SecretResolver resolver) {
        secretResolvers.remove(resolver);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAuditBackend(AuditBackend backend) {
        auditBackends.add(backend);
    }

    void unbindAuditBackend(AuditBackend backend) {
        auditBackends.remove(backend);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindTelemetryProvider(TelemetryProvider provider) {
        telemetrySessions.add(provider);
    }

    void unbindTelemetryProvider(TelemetryProvider provider) {
        telemetrySessions.remove(provider);
    }

    @Override
    public Project open(ProjectOptions options) throws ProjectException {
        ProjectSettingsLoader loader = new ProjectSettingsLoader(this::resolverFor);
        ProjectSettings settings = loader.load(options);
        TelemetrySession telemetry = options.server() == null ? null
                : telemetrySessions.open(settings, options.environment() == null ? System.getenv()
                        : options.environment(), options.server());
        return DefaultProject.open(settings, executors, auditBackends, telemetrySessions, telemetry);
    }

    /** The newest resolver for a scheme, or null. */
    private SecretResolver resolverFor(String scheme) {
        SecretResolver found = null;
        for (SecretResolver resolver : secretResolvers) {
            if (scheme.equals(resolver.scheme())) {
                found = resolver;
            }
        }
        return found;
    }
}
