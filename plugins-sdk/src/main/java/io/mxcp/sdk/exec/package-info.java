/** Endpoint executors: run an endpoint's source (SQL, Python, ...) for the MXCP pipeline. */
@Export
@Version("1.10.0")
package io.mxcp.sdk.exec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
