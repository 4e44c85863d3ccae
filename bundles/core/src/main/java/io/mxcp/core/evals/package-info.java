/**
 * LLM evals (spec 02b §4): suites of prompts a model answers with the project's tools, and the checks of what it
 * called and said.
 */
@Export
@Version("1.1.0")
package io.mxcp.core.evals;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
