/** Secret resolvers: resolve references such as {@code vault://} or {@code op://} in the user config. */
@Export
@Version("1.0.0")
package io.mxcp.sdk.secrets;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
