package io.mxcp.auth.github;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.sdk.auth.AuthException;

/**
 * Requests to GitHub, with short time limits (a slow GitHub must not hold the server's threads long) and without
 * following redirects (a token or a client secret must never travel to another host). A request that gets no
 * answer fails with {@code temporarily_unavailable}, 503; every answer, whatever its status, is returned.
 */
final class GitHubHttp {
    static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    /** GitHub's REST API refuses requests without a User-Agent; this one names the caller. */
    static final String USER_AGENT = "mxcp";

    /** An answer: its status and its JSON body (null when the body is not JSON). */
    record Answer(int status, JsonNode body) {
        boolean okObject() {
            return status == 200 && body != null && body.isObject();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIME_LIMIT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper mapper = new ObjectMapper();

    /** A form POST asking for JSON, as GitHub's token endpoint wants it (it answers form-encoded otherwise). */
    Answer postForm(URI uri, Map<String, String> form) throws AuthException {
        return send(HttpRequest.newBuilder(uri).timeout(TIME_LIMIT).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded").header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form))).build(), uri);
    }

    /** A GET of the REST API with the user's access token. */
    Answer getApi(URI uri, String accessToken) throws AuthException {
        return send(HttpRequest.newBuilder(uri).timeout(TIME_LIMIT).GET()
                .header("Accept", "application/vnd.github+json").header("User-Agent", USER_AGENT)
                .header("Authorization", "Bearer " + accessToken).build(), uri);
    }

    private Answer send(HttpRequest request, URI uri) throws AuthException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AuthException("GitHub could not be reached at " + uri + ": " + e.getClass().getSimpleName(),
                    "temporarily_unavailable", 503, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("Interrupted while asking GitHub at " + uri, "temporarily_unavailable", 503, e);
        }
        JsonNode body;
        try {
            body = mapper.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        return new Answer(response.statusCode(), body);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    void close() {
        client.shutdown();
    }
}
