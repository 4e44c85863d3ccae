package io.mxcp.sdk.model;

import java.net.URI;
import java.time.Duration;

/**
 * One model of the user config's {@code models.models} map.
 *
 * @param name       the configured name, sent to the API as the model id
 * @param apiKey     the API key (references resolved)
 * @param baseUrl    where the API is, or null for the provider's public endpoint
 * @param timeout    how long one request may take
 * @param maxRetries how often a request that failed for a reason worth retrying (429, 5xx, a dropped connection)
 *                   is sent again
 */
public record ModelSettings(String name, String apiKey, URI baseUrl, Duration timeout, int maxRetries) {

    @Override
    public String toString() {
        // the key stays out of logs and error reports
        return "ModelSettings[name=" + name + ", baseUrl=" + baseUrl + ", timeout=" + timeout + ", maxRetries="
                + maxRetries + "]";
    }
}
