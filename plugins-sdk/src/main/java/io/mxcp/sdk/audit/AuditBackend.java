package io.mxcp.sdk.audit;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of audit storage, registered as a service. The core opens one {@link AuditLog} per project profile from the
 * newest backend of the configured name and closes it when the backend goes away (its successor opens the same
 * location again), so a backend can be swapped while a server runs.
 */
@ConsumerType
public interface AuditBackend {

    /** The name used in configuration ({@code jsonl}, ...). */
    String backendName();

    /**
     * Opens the log at the settings' location, creating it when missing.
     *
     * @throws IOException naming the location when it cannot be opened (e.g. a folder that cannot be created)
     */
    AuditLog open(AuditLogSettings settings) throws IOException;

    /**
     * Where the log of these settings is kept, as operators are told (the audit trail's state, its log lines): the
     * configured path unless the backend keeps the log in a file of its own beside it. Creates nothing.
     *
     * @since 2.3
     */
    default Path location(AuditLogSettings settings) {
        return settings.path();
    }
}
