package io.mxcp.auth.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.http.ExchangeFailure;

/**
 * JSON requests to an issuer (or another identity provider), with short time limits: a slow provider must not hold
 * the server's threads long. A provider that cannot be reached is {@code temporarily_unavailable} (503); any answer,
 * whatever its status, is returned for the caller to judge.
 */
public final class IssuerHttp {
    /** The time limit of verifier mode's requests. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    /** An answer: its status and its JSON body (null when the body is not JSON). */
    public record Answer(int status, JsonNode body) {
        /** Whether this is a 200 with a JSON object. */
        public boolean okObject() {
            return status == 200 && body != null && body.isObject();
        }
    }

    private final Duration timeLimit;
    private final HttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();

    /** Requests with verifier mode's time limit. */
    public IssuerHttp() {
        this(TIME_LIMIT);
    }

    /** Requests that each give up after this long (connecting, and again waiting for the answer). */
    public IssuerHttp(Duration timeLimit) {
        this.timeLimit = timeLimit;
        this.client = HttpClient.newBuilder().connectTimeout(timeLimit).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A GET, with the bearer token when it is not null. */
    public Answer get(URI uri, String bearer) throws AuthException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeLimit).GET()
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build(), uri);
    }

    /** A form POST; null values are left out. */
    public Answer postForm(URI uri, Map<String, String> form) throws AuthException {
        String body = form.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).timeout(timeLimit).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), uri);
    }

    private Answer send(HttpRequest request, URI uri) throws AuthException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AuthException("The identity provider could not be reached at " + uri + ": "
                    + ExchangeFailure.reason(e),
                    "temporarily_unavailable", 503, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("Interrupted while asking the identity provider at " + uri, "temporarily_unavailable",
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public void close() {
        client.shutdown();
    }
}
