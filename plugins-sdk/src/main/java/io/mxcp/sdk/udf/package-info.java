/** SQL function providers: named sets of DuckDB scalar functions that executors expose to SQL. */
@Export
@Version("1.1.0")
package io.mxcp.sdk.udf;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
