package io.mxcp.mcp.internal.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.oauth.store.OAuthClient;
import io.mxcp.mcp.internal.oauth.store.OAuthStore;
import io.mxcp.mcp.internal.oauth.store.OAuthStoreException;

/**
 * Dynamic client registration (RFC 7591, {@code POST /register}): checks the metadata, gives the client an id (and a
 * secret unless it authenticates with {@code none}) and keeps it in the token store, so it survives restarts.
 */
final class ClientRegistrar {
    private static final Set<String> AUTH_METHODS = Set.of("none", "client_secret_post", "client_secret_basic");
    private static final List<String> BOTH_GRANTS = List.of("authorization_code", "refresh_token");

    private final OAuthStore store;
    private final List<String> requiredScopes;

    ClientRegistrar(OAuthStore store, List<String> requiredScopes) {
        this.store = store;
        this.requiredScopes = requiredScopes;
    }

    /** The registered client's information (201), or {@code invalid_client_metadata}. */
    ObjectNode register(JsonNode metadata) throws OAuthError, OAuthStoreException {
        if (metadata == null || !metadata.isObject()) {
            throw invalid("the body must be a JSON object of client metadata");
        }
        List<String> redirects = strings(metadata, "redirect_uris");
        if (redirects.isEmpty()) {
            throw invalid("redirect_uris: at least one redirect URI is required");
        }
        for (String uri : redirects) {
            String refusal = RedirectUris.refusal(uri);
            if (refusal != null) {
                throw invalid("redirect_uris: " + refusal);
            }
        }
        List<String> grants = metadata.has("grant_types") ? strings(metadata, "grant_types") : BOTH_GRANTS;
        if (!grants.containsAll(BOTH_GRANTS)) {
            throw invalid("grant_types must be authorization_code and refresh_token");
        }
        List<String> responses = metadata.has("response_types") ? strings(metadata, "response_types") : List.of("code");
        if (!responses.contains("code")) {
            throw invalid("response_types must include 'code' for authorization_code grant");
        }
        String method = metadata.path("token_endpoint_auth_method").asText("client_secret_post");
        if (!AUTH_METHODS.contains(method)) {
            throw invalid("token_endpoint_auth_method must be one of " + AUTH_METHODS.stream().sorted().toList());
        }
        String scope = metadata.path("scope").asText("");
        if (scope.isBlank()) {
            scope = requiredScopes.isEmpty() ? null : String.join(" ", requiredScopes);
        }
        String name = metadata.path("client_name").asText(null);
        OAuthClient client = new OAuthClient(UUID.randomUUID().toString(),
                method.equals("none") ? null : Randoms.hex(32), method, redirects, grants, scope, name, Instant.now());
        store.saveClient(client);

        ObjectNode information = metadata.deepCopy();
        information.put("client_id", client.clientId());
        if (client.clientSecret() != null) {
            information.put("client_secret", client.clientSecret()).put("client_secret_expires_at", 0);
        }
        information.put("client_id_issued_at", client.issuedAt().getEpochSecond())
                .put("token_endpoint_auth_method", method);
        information.set("redirect_uris", information.arrayNode().addAll(redirects.stream()
                .map(information::textNode).toList()));
        information.set("grant_types", information.arrayNode().addAll(grants.stream()
                .map(information::textNode).toList()));
        information.set("response_types", information.arrayNode().addAll(responses.stream()
                .map(information::textNode).toList()));
        if (scope != null) {
            information.put("scope", scope);
        }
        return information;
    }

    private static List<String> strings(JsonNode metadata, String field) throws OAuthError {
        List<String> strings = MetadataStrings.of(metadata, field);
        if (strings == null) {
            throw invalid(field + " must be a list of strings");
        }
        return strings;
    }

    private static OAuthError invalid(String description) {
        return OAuthError.badRequest("invalid_client_metadata", description);
    }
}
