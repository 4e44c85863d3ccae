package io.mxcp.mcp.internal.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mxcp.sdk.http.ExchangeFailure;

/**
 * GETs a client metadata document: only from public addresses ({@link PublicAddressGuard}), within 5 s, at most
 * {@value #MAX_BYTES} bytes (the draft's recommended bound), without following redirects, 200 only. Its
 * {@code Cache-Control: max-age} says how long it may be reused.
 */
class MetadataDocumentFetcher {
    static final int MAX_BYTES = 5 * 1024;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(5);
    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\\d{1,9})");

    /** A fetched document and how long it may be reused (null: as long as the server's default). */
    record Fetched(String body, Duration maxAge) {
    }

    private final PublicAddressGuard guard;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIME_LIMIT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    MetadataDocumentFetcher(PublicAddressGuard guard) {
        this.guard = guard;
    }

    Fetched fetch(URI url) throws OAuthError {
        guard.check(url.getHost());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIME_LIMIT).header("Accept", "application/json")
                .GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw refused(url, "it answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw refused(url, "it is larger than " + MAX_BYTES + " bytes");
                }
                return new Fetched(new String(bytes, StandardCharsets.UTF_8),
                        maxAge(response.headers().firstValue("Cache-Control")));
            }
        } catch (IOException e) {
            throw refused(url, "it could not be fetched (" + ExchangeFailure.reason(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(url, "the fetch was interrupted");
        }
    }

    private static Duration maxAge(Optional<String> cacheControl) {
        if (cacheControl.isEmpty()) {
            return null;
        }
        String directives = cacheControl.get().toLowerCase(Locale.ROOT);
        if (directives.contains("no-store") || directives.contains("no-cache")) {
            return Duration.ZERO;
        }
        Matcher maxAge = MAX_AGE.matcher(directives);
        return maxAge.find() ? Duration.ofSeconds(Long.parseLong(maxAge.group(1))) : null;
    }

    static OAuthError refused(URI url, String reason) {
        return OAuthError.badRequest("invalid_client", "The client metadata document " + url + " cannot be used: "
                + reason);
    }
}
