package io.mxcp.sdk.telemetry;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A telemetry backend, registered as a service. The core starts one {@link Telemetry} from the newest provider for
 * each served project whose profile turns telemetry on, and closes it when the provider goes away (its successor
 * starts a new one with the same settings), so a provider can be swapped while a server runs.
 */
@ConsumerType
public interface TelemetryProvider {

    /**
     * Starts recording and exporting with the given settings.
     *
     * @throws TelemetryException naming the setting that cannot be used (e.g. an endpoint the exporter refuses)
     */
    Telemetry start(TelemetrySettings settings) throws TelemetryException;
}
