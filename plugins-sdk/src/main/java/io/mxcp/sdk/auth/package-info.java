/** Authentication providers: adapters to an upstream OAuth/OIDC service, and the user they produce. */
@Export
@Version("1.0.0")
package io.mxcp.sdk.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
