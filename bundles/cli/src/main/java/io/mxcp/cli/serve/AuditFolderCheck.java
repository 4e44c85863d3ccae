package io.mxcp.cli.serve;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;

import io.mxcp.core.api.AuditTrail;
import io.mxcp.kernel.api.FileFailureText;

/**
 * Says when the server starts (or reloads) that its audit folder cannot be written: the writer learns it only at the
 * first call's record, after the server reported ready and healthy, and a container's mistake (a read-only volume, a
 * folder owned by another user) is best caught before traffic comes.
 */
final class AuditFolderCheck {

    private static final System.Logger LOG = System.getLogger(AuditFolderCheck.class.getName());

    private AuditFolderCheck() {
    }

    static void warnIfUnwritable(AuditTrail audit) {
        if (!audit.enabled() || audit.path() == null) {
            return;
        }
        Path folder = audit.path().toAbsolutePath().normalize().getParent();
        String problem;
        try {
            Files.createDirectories(folder);
            problem = Files.isWritable(folder) ? null : "Permission denied";
        } catch (IOException e) {
            problem = FileFailureText.of(e);
        }
        if (problem != null) {
            LOG.log(Level.WARNING, "The audit folder {0} cannot be written ({1}): each call''s audit record will wait "
                    + "in memory and be retried until it can (with audit.mode fail_closed each call fails meanwhile)",
                    folder, problem);
        }
    }
}
