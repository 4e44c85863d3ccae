/** Starting MXCP's MCP server over stdio or streamable HTTP for an opened project. */
@Export
@Version("1.5.0")
package io.mxcp.mcp.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
