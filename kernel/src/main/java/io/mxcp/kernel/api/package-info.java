/**
 * What the kernel offers to MXCP's own bundles, registered as services by the system bundle: the command line hand-off,
 * the kernel's environment and the process-wide DuckDB databases with their stable SQL function entry points and
 * per-connection values, the deploy folder's refused jars; the process signals a running command may react to; where
 * problems with a plugin's services are reported.
 */
@Export
@Version("1.11.0")
package io.mxcp.kernel.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
