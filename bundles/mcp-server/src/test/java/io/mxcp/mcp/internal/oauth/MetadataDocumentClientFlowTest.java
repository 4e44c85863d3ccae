package io.mxcp.mcp.internal.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.auth.AuthServices;
import io.mxcp.mcp.internal.auth.AuthSettings;
import io.mxcp.mcp.internal.auth.ScriptedLogins;

/**
 * A client known only by its metadata document signs its user in: consent naming the document's host, the provider,
 * the callback, and tokens at the token endpoint for the client id URL (public client, no secret).
 */
class MetadataDocumentClientFlowTest {
    private static final String ID = "https://client.example.org/mcp/client.json";
    private static final String REDIRECT = "http://127.0.0.1:4711/callback";
    private static final String VERIFIER = "cimd-flow-verifier-0123456789-0123456789-0123";

    @TempDir
    Path dir;
    private AuthorizationServer server;
    private int fetches;
    private final String document = """
            {"client_id": "%s", "client_name": "Example Agent", "redirect_uris": ["%s"]}""".formatted(ID, REDIRECT);

    @BeforeEach
    void open() throws Exception {
        FakeProject project = new FakeProject();
        project.withUserConfig(ScriptedLogins.issuerConfig(project.name(), dir.resolve("oauth.db").toString()));
        AuthServices services = new AuthServices();
        services.providers().add(new ScriptedLogins());
        AuthSettings auth = AuthSettings.of(project);
        MetadataDocumentFetcher fetcher = new MetadataDocumentFetcher(new PublicAddressGuard()) {
            @Override
            Fetched fetch(URI url) {
                fetches++;
                assertEquals(ID, url.toString());
                return new Fetched(document, null);
            }
        };
        server = AuthorizationServer.open(auth, IssuerSettings.parse(auth), new IssuerUrls(null), services.providers(),
                new ObjectMapper(), fetcher);
        server.bound("localhost", 8123);
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void theDocumentsClientSignsInAfterConsentAndRedeemsItsCode() throws Exception {
        ConsentPage page = assertInstanceOf(ConsentPage.class, server.authorize(authorize(REDIRECT)));
        assertTrue(page.html().contains("Example Agent (client.example.org)"), "the verified host beside the claim");
        String cookie = page.setCookie().split(";")[0];
        String request = between(page.html(), "name=\"request\" value=\"", "\"");
        Redirect upstream = assertInstanceOf(Redirect.class, server.consent(Map.of("request", request, "decision",
                "allow"), cookie.substring(cookie.indexOf('=') + 1)));
        Map<String, String> toProvider = query(upstream.location());
        Redirect back = server.callback(Map.of("code", "alice-code", "state", toProvider.get("state")),
                cookie.substring(cookie.indexOf('=') + 1));
        Map<String, String> answer = query(back.location());
        assertTrue(back.location().startsWith(REDIRECT + "?"));
        ObjectNode tokens = server.token(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                "client_id", ID, "redirect_uri", REDIRECT, "code_verifier", VERIFIER), null);
        assertTrue(tokens.get("access_token").asText().startsWith("mcp_"), tokens.toString());
        assertEquals(1, fetches, "the document was fetched once for the whole sign-in");
    }

    @Test
    void theConsentPagesRequestIsNeverAcceptedAtTheCallback() throws Exception {
        ConsentPage page = assertInstanceOf(ConsentPage.class, server.authorize(authorize(REDIRECT)));
        String cookie = page.setCookie().split(";")[0];
        String binding = cookie.substring(cookie.indexOf('=') + 1);
        String request = between(page.html(), "name=\"request\" value=\"", "\"");
        OAuthError skipped = assertThrows(OAuthError.class,
                () -> server.callback(Map.of("code", "alice-code", "state", request), binding));
        assertEquals("invalid_state", skipped.error());
        assertEquals("The sign-in was not allowed on the consent page", skipped.description());
        assertInstanceOf(Redirect.class, server.consent(Map.of("request", request, "decision", "allow"), binding),
                "the request is still there for the consent");
    }

    @Test
    void aRedirectUriTheDocumentDoesNotListIsRefusedAndNeverRedirectedTo() {
        OAuthError error = assertThrows(OAuthError.class, () -> server.authorize(authorize("https://evil.example/cb")));
        assertEquals("Redirect URI 'https://evil.example/cb' not registered for client", error.description());
    }

    private static Map<String, String> authorize(String redirect) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        Map<String, String> parameters = new HashMap<>();
        parameters.put("client_id", ID);
        parameters.put("redirect_uri", redirect);
        parameters.put("response_type", "code");
        parameters.put("code_challenge", challenge);
        parameters.put("code_challenge_method", "S256");
        parameters.put("state", "client-state");
        return parameters;
    }

    private static String between(String text, String before, String after) {
        int start = text.indexOf(before) + before.length();
        return text.substring(start, text.indexOf(after, start));
    }

    private static Map<String, String> query(String location) {
        return Arrays.stream(URI.create(location).getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
