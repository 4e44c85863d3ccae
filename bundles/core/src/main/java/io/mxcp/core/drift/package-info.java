/**
 * Drift detection, as {@code mxcp drift-snapshot} and {@code mxcp drift-check} do it: a snapshot of a project's tables
 * and endpoint files, the snapshot file, and what changed since a baseline snapshot.
 */
@Export
@Version("1.1.0")
package io.mxcp.core.drift;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
