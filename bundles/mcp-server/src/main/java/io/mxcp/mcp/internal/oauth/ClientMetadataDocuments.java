package io.mxcp.mcp.internal.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.mcp.internal.oauth.store.OAuthClient;

/**
 * Client ID Metadata Documents (MCP 2025-11-25 authorization, draft-ietf-oauth-client-id-metadata-document): a
 * client whose {@code client_id} is an https URL with a path is described by the JSON document at that URL. The
 * document must name itself as {@code client_id}, list safe redirect URIs and authenticate with {@code none} (it
 * is a public client: anyone can read the document). Documents are kept as their {@code Cache-Control} says, between
 * one minute and a day (five minutes when it says nothing), so a sign-in does not fetch it twice.
 */
final class ClientMetadataDocuments {
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    private static final Duration SHORTEST = Duration.ofMinutes(1);
    private static final Duration LONGEST = Duration.ofDays(1);
    private static final int MAX_CACHED = 1_000;
    private static final List<String> BOTH_GRANTS = List.of("authorization_code", "refresh_token");

    private record Cached(OAuthClient client, Instant until) {
    }

    private final MetadataDocumentFetcher fetcher;
    private final List<String> requiredScopes;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ClientMetadataDocuments(MetadataDocumentFetcher fetcher, List<String> requiredScopes, ObjectMapper mapper,
            Clock clock) {
        this.fetcher = fetcher;
        this.requiredScopes = requiredScopes;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Whether a {@code client_id} names a metadata document (an https URL) rather than a registered client. */
    static boolean isDocumentUrl(String clientId) {
        return clientId.regionMatches(true, 0, "https://", 0, "https://".length());
    }

    /** The client the document at {@code clientId} describes. */
    OAuthClient client(String clientId) throws OAuthError {
        Instant now = clock.instant();
        Cached cached = cache.get(clientId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.client();
        }
        URI url = documentUrl(clientId);
        MetadataDocumentFetcher.Fetched fetched = fetcher.fetch(url);
        OAuthClient client = parse(url, fetched.body(), now);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(clientId, new Cached(client, now.plus(lifetime(fetched.maxAge()))));
        return client;
    }

    /** The draft's rules for a client id URL: https, a host, a path, no user info, fragment or dot segments. */
    private static URI documentUrl(String clientId) throws OAuthError {
        URI url;
        try {
            url = new URI(clientId);
        } catch (URISyntaxException e) {
            throw OAuthError.badRequest("invalid_client", "client_id '" + clientId + "' is not a URL");
        }
        String path = url.getRawPath();
        if (!"https".equals(url.getScheme().toLowerCase(Locale.ROOT)) || url.getHost() == null
                || url.getRawUserInfo() != null || url.getRawFragment() != null || path == null || path.isEmpty()
                || path.equals("/") || path.contains("/./") || path.contains("/../") || path.endsWith("/.")
                || path.endsWith("/..")) {
            throw OAuthError.badRequest("invalid_client", "client_id '" + clientId
                    + "' must be an https URL with a path and without user info, fragment or dot segments");
        }
        return url;
    }

    private OAuthClient parse(URI url, String body, Instant now) throws OAuthError {
        JsonNode document;
        try {
            document = mapper.readTree(body);
        } catch (IOException e) {
            throw MetadataDocumentFetcher.refused(url, "it is not JSON");
        }
        if (document == null || !document.isObject()) {
            throw MetadataDocumentFetcher.refused(url, "it is not a JSON object");
        }
        if (!url.toString().equals(document.path("client_id").asText(null))) {
            throw MetadataDocumentFetcher.refused(url, "its client_id is not its own URL");
        }
        List<String> redirects = strings(url, document, "redirect_uris");
        if (redirects.isEmpty()) {
            throw MetadataDocumentFetcher.refused(url, "it lists no redirect_uris");
        }
        for (String redirect : redirects) {
            String refusal = RedirectUris.refusal(redirect);
            if (refusal != null) {
                throw MetadataDocumentFetcher.refused(url, "redirect_uris: " + refusal);
            }
        }
        String method = document.path("token_endpoint_auth_method").asText("none");
        if (!method.equals("none")) {
            throw MetadataDocumentFetcher.refused(url, "token_endpoint_auth_method must be none (got " + method + ")");
        }
        List<String> grants = document.has("grant_types") ? strings(url, document, "grant_types") : BOTH_GRANTS;
        if (!grants.contains("authorization_code")) {
            throw MetadataDocumentFetcher.refused(url, "grant_types must include authorization_code");
        }
        String scope = document.path("scope").asText("");
        String name = document.path("client_name").isTextual() ? document.path("client_name").asText() : null;
        return new OAuthClient(url.toString(), null, "none", redirects,
                BOTH_GRANTS.stream().filter(grants::contains).toList(),
                scope.isBlank() ? (requiredScopes.isEmpty() ? null : String.join(" ", requiredScopes)) : scope,
                name, now);
    }

    private static List<String> strings(URI url, JsonNode document, String field) throws OAuthError {
        List<String> strings = MetadataStrings.of(document, field);
        if (strings == null) {
            throw MetadataDocumentFetcher.refused(url, field + " must be a list of strings");
        }
        return strings;
    }

    private static Duration lifetime(Duration maxAge) {
        if (maxAge == null) {
            return DEFAULT_LIFETIME;
        }
        return maxAge.compareTo(SHORTEST) < 0 ? (maxAge.isZero() ? Duration.ZERO : SHORTEST)
                : maxAge.compareTo(LONGEST) > 0 ? LONGEST : maxAge;
    }
}
