/** Metadata checks of endpoint definitions, as {@code mxcp lint} reports them: what helps a language model use them. */
@Export
@Version("1.0.0")
package io.mxcp.core.lint;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
