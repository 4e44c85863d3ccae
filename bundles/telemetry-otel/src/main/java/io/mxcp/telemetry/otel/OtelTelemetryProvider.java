package io.mxcp.telemetry.otel;

import org.osgi.service.component.annotations.Component;

import io.mxcp.sdk.telemetry.Telemetry;
import io.mxcp.sdk.telemetry.TelemetryException;
import io.mxcp.sdk.telemetry.TelemetryProvider;
import io.mxcp.sdk.telemetry.TelemetrySettings;

/**
 * Telemetry on the OpenTelemetry Java SDK, exported over OTLP/HTTP with the JDK's HTTP client. Nothing of the SDK is
 * loaded before a served project turns telemetry on, so the bundle costs other commands nothing but its resolution.
 */
@Component(service = TelemetryProvider.class)
public final class OtelTelemetryProvider implements TelemetryProvider {

    @Override
    public Telemetry start(TelemetrySettings settings) throws TelemetryException {
        return OtelTelemetry.start(settings, System.err);
    }
}
