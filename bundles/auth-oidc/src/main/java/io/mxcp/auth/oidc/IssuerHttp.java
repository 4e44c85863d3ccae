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

/** JSON requests to the issuer, with short time limits: a slow issuer must not hold the server's threads long. */
final class IssuerHttp {
    static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    /** An answer: its status and its JSON body (null when the body is not JSON). */
    record Answer(int status, JsonNode body) {
        boolean okObject() {
            return status == 200 && body != null && body.isObject();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIME_LIMIT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper mapper = new ObjectMapper();

    Answer get(URI uri, String bearer) throws AuthException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIME_LIMIT).GET()
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build(), uri);
    }

    Answer postForm(URI uri, Map<String, String> form) throws AuthException {
        String body = form.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).timeout(TIME_LIMIT).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), uri);
    }

    private Answer send(HttpRequest request, URI uri) throws AuthException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AuthException("The OIDC issuer could not be reached at " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("Interrupted while asking the OIDC issuer at " + uri, e);
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

    ObjectMapper mapper() {
        return mapper;
    }

    void close() {
        client.shutdown();
    }
}
