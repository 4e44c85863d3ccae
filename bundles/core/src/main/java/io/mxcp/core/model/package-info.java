/** The endpoint model: definitions of tools, resources and prompts with their parameter and return types. */
@Export
@Version("1.2.0")
package io.mxcp.core.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
