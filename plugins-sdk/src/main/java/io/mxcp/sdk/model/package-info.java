/**
 * Language models for {@code mxcp evals}: a provider per model family ({@code claude}, {@code openai}, or a
 * third party's) turns the user config's {@code models.models.<name>} block into a {@link ChatModel}, which answers a
 * conversation in which it may call the project's tools.
 */
@Export
@Version("1.1.0")
package io.mxcp.sdk.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
