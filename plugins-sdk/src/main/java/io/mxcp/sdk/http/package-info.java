/** Helpers for plugins that call HTTP services with the JDK's {@code java.net.http.HttpClient}. */
@Export
@Version("1.0.0")
package io.mxcp.sdk.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
