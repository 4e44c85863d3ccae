/** The core's services for the CLI and the MCP server: opening a project, listing, validating and running its endpoints. */
@Export
@Version("1.18.0")
package io.mxcp.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
