package io.mxcp.secrets.vault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.sdk.http.ExchangeFailure;
import io.mxcp.sdk.secrets.SecretResolutionException;

/**
 * Reads a secret from Vault's KV engine over its HTTP API, as the original's client does: the token is checked
 * first ({@code auth/token/lookup-self}), then the secret is read from the engine mounted at {@code secret/},
 * version 2 ({@code secret/data/<path>}) and, failing that, version 1 ({@code secret/<path>}). One instance per
 * read: references are resolved at start-up and reload only, and a client kept would keep its selector thread after
 * the bundle stopped (and cost every start-up its creation).
 */
final class VaultKv implements AutoCloseable {

    /** The mount point the original's client reads from: hvac's default. */
    private static final String MOUNT = "secret/";
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(10);
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_LIMIT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private final VaultAccess vault;

    VaultKv(VaultAccess vault) {
        this.vault = vault;
    }

    /** The secret's key-value pairs at {@code path}. */
    JsonNode read(String path) throws SecretResolutionException {
        Answer self = get(vault.api("auth/token/lookup-self"));
        if (self.status() == 403 || self.status() == 401) {
            throw new SecretResolutionException("Failed to authenticate with Vault");
        }
        if (self.status() != 200) {
            throw new SecretResolutionException("Error connecting to Vault: " + self.describe());
        }
        String relative = path.replaceFirst("^/+", "");
        Answer version2 = get(vault.api(MOUNT + "data/" + relative));
        JsonNode data = version2.body().path("data").path("data");
        if (version2.status() == 200 && data.isObject()) {
            return data;
        }
        Answer version1 = get(vault.api(MOUNT + relative));
        data = version1.body().path("data");
        if (version1.status() == 200 && data.isObject()) {
            return data;
        }
        throw new SecretResolutionException("Failed to read secret from Vault path '" + path + "': "
                + version1.describe());
    }

    @Override
    public void close() {
        client.close();
    }

    /** An answer of Vault: its status, JSON body (missing when it has none) and where it came from. */
    private record Answer(int status, JsonNode body, URI from) {
        /** {@code HTTP 404 from GET <url>}, with Vault's {@code errors} when it gave any. */
        String describe() {
            StringJoiner said = new StringJoiner("; ", ": ", "").setEmptyValue("");
            body.path("errors").forEach(error -> said.add(error.asText()));
            return "HTTP " + status + " from GET " + from + said;
        }
    }

    private Answer get(URI uri) throws SecretResolutionException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(ANSWER_LIMIT).GET()
                .header("X-Vault-Token", vault.token()).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SecretResolutionException("Error connecting to Vault: " + vault.address() + ": "
                    + ExchangeFailure.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretResolutionException("Error connecting to Vault: interrupted", e);
        }
        return new Answer(response.statusCode(), parsed(response.body()), uri);
    }

    private JsonNode parsed(String body) {
        try {
            JsonNode parsed = json.readTree(body);
            return parsed == null ? json.missingNode() : parsed;
        } catch (IOException notJson) {
            return json.missingNode();
        }
    }
}
