/**
 * The process-wide GraalVM polyglot engine, for executor bundles that run guest languages (Python). The kernel
 * registers {@link io.mxcp.kernel.polyglot.PolyglotHost} only when the polyglot jars are on its class path (the
 * Python distribution); the engine itself starts on first use. A single thread's guest code can be stopped
 * ({@link io.mxcp.kernel.polyglot.GuestThreadInterrupt}), for cancelling one call among concurrent ones.
 */
@Export
@Version("1.1.0")
package io.mxcp.kernel.polyglot;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
