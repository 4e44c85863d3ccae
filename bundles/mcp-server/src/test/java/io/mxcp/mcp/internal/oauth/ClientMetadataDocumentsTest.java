package io.mxcp.mcp.internal.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.mxcp.mcp.internal.MovableClock;
import io.mxcp.mcp.internal.oauth.store.OAuthClient;

/** Client ID Metadata Documents: which documents describe a client, how long they are kept, and what is fetched. */
class ClientMetadataDocumentsTest {
    private static final String ID = "https://app.example.com/oauth/client.json";

    private final List<URI> fetched = new ArrayList<>();
    private final Map<String, MetadataDocumentFetcher.Fetched> served = new HashMap<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T12:00:00Z"));

    private final MetadataDocumentFetcher fetcher = new MetadataDocumentFetcher(new PublicAddressGuard()) {
        @Override
        Fetched fetch(URI url) throws OAuthError {
            fetched.add(url);
            Fetched document = served.get(url.toString());
            if (document == null) {
                throw refused(url, "it answered HTTP 404");
            }
            return document;
        }
    };

    private ClientMetadataDocuments documents(List<String> requiredScopes) {
        return new ClientMetadataDocuments(fetcher, requiredScopes, new ObjectMapper(), clock);
    }

    private void serve(String body, Duration maxAge) {
        served.put(ID, new MetadataDocumentFetcher.Fetched(body, maxAge));
    }

    @Test
    void aValidDocumentDescribesAPublicClientAndIsKeptAsItsCacheControlSays() throws Exception {
        serve("""
                {"client_id": "%s", "client_name": "Example MCP Client",
                 "redirect_uris": ["http://127.0.0.1:3000/callback", "https://app.example.com/cb"],
                 "grant_types": ["authorization_code"], "token_endpoint_auth_method": "none"}""".formatted(ID),
                Duration.ofMinutes(10));
        ClientMetadataDocuments documents = documents(List.of("mcp.read"));
        OAuthClient client = documents.client(ID);
        assertEquals(new OAuthClient(ID, null, "none", List.of("http://127.0.0.1:3000/callback",
                "https://app.example.com/cb"), List.of("authorization_code"), "mcp.read", "Example MCP Client",
                clock.instant()), client);
        clock.advance(Duration.ofMinutes(9));
        documents.client(ID);
        assertEquals(1, fetched.size(), "kept for its max-age");
        clock.advance(Duration.ofMinutes(2));
        documents.client(ID);
        assertEquals(2, fetched.size(), "fetched again once stale");
    }

    @Test
    void documentsThatDoNotDescribeThemselvesSafelyAreRefused() {
        Map<String, String> cases = Map.of(
                "{\"client_id\": \"https://other.example.com/c.json\", \"redirect_uris\": [\"https://a.example/cb\"]}",
                "its client_id is not its own URL",
                "{\"client_id\": \"" + ID + "\"}", "it lists no redirect_uris",
                "{\"client_id\": \"" + ID + "\", \"redirect_uris\": [\"http://evil.example/cb\"]}",
                "redirect_uris: 'http://evil.example/cb'",
                "{\"client_id\": \"" + ID + "\", \"redirect_uris\": [\"https://a.example/cb\"], "
                        + "\"token_endpoint_auth_method\": \"client_secret_post\"}",
                "token_endpoint_auth_method must be none",
                "{\"client_id\": \"" + ID + "\", \"redirect_uris\": \"https://a.example/cb\"}",
                "redirect_uris must be a list of strings",
                "[1, 2]", "it is not a JSON object",
                "<html>", "it is not JSON");
        cases.forEach((body, reason) -> {
            serve(body, null);
            OAuthError error = assertThrows(OAuthError.class, () -> documents(List.of()).client(ID), body);
            assertEquals("invalid_client", error.error());
            assertTrue(error.description().contains(reason), error.description());
        });
    }

    @Test
    void clientIdsMustBeHttpsUrlsWithAPathAndNoTricks() {
        for (String id : List.of("https://app.example.com", "https://app.example.com/",
                "https://user@app.example.com/c.json", "https://app.example.com/c.json#x",
                "https://app.example.com/a/../c.json")) {
            OAuthError error = assertThrows(OAuthError.class, () -> documents(List.of()).client(id), id);
            assertTrue(error.description().contains("must be an https URL with a path"), error.description());
        }
        assertTrue(fetched.isEmpty(), "nothing fetched for a malformed client id");
        assertTrue(ClientMetadataDocuments.isDocumentUrl("HTTPS://app.example.com/c.json"));
        assertFalse(ClientMetadataDocuments.isDocumentUrl("5c2f0e9a-uuid"));
    }

    @Test
    void addressesInsideTheNetworkAreNeverFetched() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "224.0.0.1")) {
            assertFalse(PublicAddressGuard.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("93.184.216.34", "8.8.8.8", "2606:4700::6810:85e5")) {
            assertTrue(PublicAddressGuard.isPublic(InetAddress.getByName(address)), address);
        }
        OAuthError error = assertThrows(OAuthError.class, () -> new PublicAddressGuard().check("localhost"));
        assertTrue(error.description().contains("which is not a public address"), error.description());
    }

    @Test
    void theFetcherTakesSmallDocumentsOnlyAndReadsTheirCacheLifetime() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/small", exchange -> answer(exchange, 200, "{\"a\":1}", "public, max-age=120"));
        server.createContext("/big", exchange -> answer(exchange, 200, "x".repeat(6000), null));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest");
            answer(exchange, 302, "", null);
        });
        server.start();
        try {
            MetadataDocumentFetcher local = new MetadataDocumentFetcher(new PublicAddressGuard() {
                @Override
                void check(String host) {
                    // this test's documents are served on the loopback interface
                }
            });
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            MetadataDocumentFetcher.Fetched small = local.fetch(URI.create(base + "/small"));
            assertEquals("{\"a\":1}", small.body());
            assertEquals(Duration.ofSeconds(120), small.maxAge());
            assertTrue(assertThrows(OAuthError.class, () -> local.fetch(URI.create(base + "/big"))).description()
                    .contains("larger than 5120 bytes"));
            assertTrue(assertThrows(OAuthError.class, () -> local.fetch(URI.create(base + "/moved"))).description()
                    .contains("it answered HTTP 302"), "redirects are not followed");
        } finally {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body,
            String cacheControl) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (cacheControl != null) {
            exchange.getResponseHeaders().add("Cache-Control", cacheControl);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
