/**
 * Checks of configuration values whose messages say what is wrong without repeating the value: by the time a plugin
 * reads its settings, a {@code ${VAR}}, {@code file://}, {@code vault://} or {@code op://} reference has been
 * replaced by what it points at, which may be a secret or a whole file.
 */
@Export
@Version("1.0.0")
package io.mxcp.sdk.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
