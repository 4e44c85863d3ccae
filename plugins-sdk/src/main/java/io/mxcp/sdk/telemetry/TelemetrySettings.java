package io.mxcp.sdk.telemetry;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The active profile's {@code telemetry} block with the environment's overrides applied and its defaults filled in
 * (spec 03 §6.1), as the core validated it.
 *
 * @param endpoint       the OTLP/HTTP base URL (an absolute {@code http} or {@code https} URI), or null for no
 *                       export over the network; may already end with a signal's path ({@code /v1/traces})
 * @param headers        the headers sent with every export (traces and metrics)
 * @param resource       the attributes describing the server: {@code service.name}, {@code service.version},
 *                       {@code deployment.environment}, {@code mxcp.project}, {@code mxcp.profile} and the user's own
 * @param tracing        whether spans are recorded
 * @param consoleExport  whether spans are also written to standard error
 * @param metrics        whether metrics are recorded
 * @param metricInterval how often metrics are exported (at least one second)
 */
public record TelemetrySettings(URI endpoint, Map<String, String> headers, Map<String, String> resource,
        boolean tracing, boolean consoleExport, boolean metrics, Duration metricInterval) {

    public TelemetrySettings {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        resource = resource == null ? Map.of() : Map.copyOf(resource);
    }

    /** Header values are credentials (API keys): only their names are shown. */
    @Override
    public String toString() {
        return "TelemetrySettings[endpoint=" + endpoint + ", headers=" + headers.keySet() + ", resource=" + resource
                + ", tracing=" + tracing + ", consoleExport=" + consoleExport + ", metrics=" + metrics
                + ", metricInterval=" + metricInterval + "]";
    }
}
