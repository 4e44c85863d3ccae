/** Audit backends: where audit records of endpoint calls are written and queried. */
@Export
@Version("1.0.0")
package io.mxcp.sdk.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
