package io.mxcp.telemetry.otel;

import java.net.URI;

/**
 * The OTLP/HTTP URLs of each signal from the configured endpoint (spec 03 §6.1): {@code /v1/traces} and
 * {@code /v1/metrics} appended to the base URL. An endpoint that already ends with one signal's path is taken as
 * that signal's URL, and the other signal's path replaces it (the original appended {@code /v1/metrics} after
 * {@code /v1/traces}).
 */
final class OtlpEndpoints {

    static final String TRACES = "/v1/traces";
    static final String METRICS = "/v1/metrics";

    private OtlpEndpoints() {
    }

    /** The URL spans are posted to. */
    static String traces(URI endpoint) {
        return base(endpoint) + TRACES;
    }

    /** The URL metrics are posted to. */
    static String metrics(URI endpoint) {
        return base(endpoint) + METRICS;
    }

    private static String base(URI endpoint) {
        String url = endpoint.toString();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        for (String signal : new String[] {TRACES, METRICS}) {
            if (url.endsWith(signal)) {
                return url.substring(0, url.length() - signal.length());
            }
        }
        return url;
    }
}
