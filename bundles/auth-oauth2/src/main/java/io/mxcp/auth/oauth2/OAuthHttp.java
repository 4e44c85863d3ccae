package io.mxcp.auth.oauth2;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.http.ExchangeFailure;

/**
 * Requests to one upstream provider, with short time limits (a slow provider must not hold the server's threads
 * long) and without following redirects (a token or a client secret must never travel to another host). A request
 * that gets no answer fails with {@code temporarily_unavailable}, 503; every answer, whatever its status, is
 * returned.
 */
public final class OAuthHttp {
    public static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    /** Sent with every request: GitHub's REST API refuses requests without a User-Agent; this one names the caller. */
    public static final String USER_AGENT = "mxcp";
    private static final String JSON = "application/json";

    /** An answer: its status and its JSON body (null when the body is not JSON). */
    public record Answer(int status, JsonNode body) {
        public boolean okObject() {
            return status == 200 && body != null && body.isObject();
        }
    }

    private final String upstream;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIME_LIMIT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param upstream the provider's name in messages ({@code GitHub}, ...) */
    public OAuthHttp(String upstream) {
        this.upstream = upstream;
    }

    /**
     * A form POST asking for JSON (GitHub's token endpoint answers form-encoded otherwise); pairs whose value is
     * null are left out.
     */
    public Answer postForm(URI uri, Map<String, String> form) throws AuthException {
        return send(post(uri, "application/x-www-form-urlencoded", FormEncoding.encode(form)), uri);
    }

    /** A POST of a JSON object of strings, in the map's order (Atlassian's token endpoint); nulls are left out. */
    public Answer postJson(URI uri, Map<String, String> fields) throws AuthException {
        ObjectNode body = mapper.createObjectNode();
        fields.forEach((key, value) -> {
            if (value != null) {
                body.put(key, value);
            }
        });
        return send(post(uri, JSON, body.toString()), uri);
    }

    /** A GET of the provider's API with the user's access token. */
    public Answer get(URI uri, String accessToken, String accept) throws AuthException {
        return send(request(uri, accept).GET().header("Authorization", "Bearer " + accessToken).build(), uri);
    }

    private static HttpRequest post(URI uri, String contentType, String body) {
        return request(uri, JSON).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpRequest.Builder request(URI uri, String accept) {
        return HttpRequest.newBuilder(uri).timeout(TIME_LIMIT).header("Accept", accept)
                .header("User-Agent", USER_AGENT);
    }

    private Answer send(HttpRequest request, URI uri) throws AuthException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AuthException(upstream + " could not be reached at " + uri + ": " + ExchangeFailure.reason(e),
                    "temporarily_unavailable", 503, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("Interrupted while asking " + upstream + " at " + uri, "temporarily_unavailable",
                    503, e);
        }
        JsonNode body;
        try {
            body = mapper.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        return new Answer(response.statusCode(), body);
    }

    /** The provider's name in messages. */
    public String upstream() {
        return upstream;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public void close() {
        client.shutdown();
    }
}
