/**
 * The process-wide GraalVM polyglot engine, for executor bundles that run guest languages (Python). The kernel
 * registers {@link io.mxcp.kernel.polyglot.PolyglotHost} only when the polyglot jars are on its class path (the
 * Python distribution); the engine itself starts on first use.
 */
@Export
@Version("1.0.0")
package io.mxcp.kernel.polyglot;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
