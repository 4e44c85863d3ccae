/** Endpoint tests ({@code tests:} in endpoint YAML) run through the whole pipeline, as {@code mxcp test} does. */
@Export
@Version("1.1.0")
package io.mxcp.core.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
