/**
 * Telemetry backends: where a server's traces and metrics go (spec 03 §6). The core decides what to measure — one
 * span tree per endpoint call, the call and policy counters — and starts one {@link io.mxcp.sdk.telemetry.Telemetry}
 * per served project from the newest {@link io.mxcp.sdk.telemetry.TelemetryProvider}; a backend only records and
 * exports. No type of a telemetry library appears here, so a backend can be built on any of them and swapped while
 * a server runs.
 */
@Export
@Version("1.2.0")
package io.mxcp.sdk.telemetry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
