package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import io.mxcp.it.BearerMcp.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Authentication in verifier mode (spec 03 §1.3, reference §1.9–1.11, tests section B) through the distribution:
 * `mxcp serve` checks the bearer JWTs of a real OpenID Connect issuer (mock-oauth2-server, in this JVM) — signature,
 * issuer, audience, expiry, required scope — points clients at the issuer through the protected resource metadata,
 * runs each call as the token's user (SQL caller functions, policies on claim-mapped capabilities), binds 2025-era
 * sessions to their user, and refuses to serve stdio with authentication configured.
 */
class AuthVerifierIT {

    private static final String PROJECT = "guarded";
    private static final String CLIENT_ID = "mxcp-it";
    private static final String ISSUER_ID = "default";
    private static final String AUTHENTICATION_REQUIRED =
            "{\"error\":\"invalid_token\",\"error_description\":\"Authentication required\"}";
    private static final Map<String, Object> ALICE = Map.of("preferred_username", "alice",
            "email", "alice@example.com", "scope", "openid mcp.read");

    private static MockOAuth2Server issuer;
    private static MockOAuth2Server stranger;
    private static Path work;
    private static Mxcp mxcp;
    private static Path project;
    private static Map<String, String> environment;
    private static ServerProcess server;
    private static int port;
    private static BearerMcp mcp;

    @BeforeAll
    static void issuerAndServer() throws IOException {
        // mock-oauth2-server logs through Logback at DEBUG without a configuration: its requests are not news here
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        issuer = new MockOAuth2Server();
        issuer.start();
        stranger = new MockOAuth2Server();
        stranger.start();

        work = Distribution.freshWorkFolder(AuthVerifierIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        project = writeProject(work.resolve(PROJECT));
        Path userConfig = Files.writeString(work.resolve("mxcp-config.yml"), """
                mxcp: 1
                projects:
                  %s:
                    profiles:
                      default:
                        auth:
                          mode: verifier
                          provider: oidc
                          authorization: {required_scopes: [mcp.read]}
                          oidc:
                            config_url: %s
                            client_id: %s
                            claim_mappings: {groups: {admins: [admin]}}
                """.formatted(PROJECT, issuer.wellKnownUrl(ISSUER_ID), CLIENT_ID));
        environment = Map.of("MXCP_CONFIG", userConfig.toString());
        port = FreePort.find();
        mcp = new BearerMcp(base(), () -> server == null ? "" : server.describe());
        server = mxcp.start(project, environment, "serve", "--port", Integer.toString(port))
                .awaitHealthy(port, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (issuer != null) {
                issuer.shutdown();
            }
            if (stranger != null) {
                stranger.shutdown();
            }
            Leftovers.assertNone(mxcp);
        }
    }

    private static Path writeProject(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("tools"));
        Files.writeString(folder.resolve("mxcp-site.yml"), """
                mxcp: 1
                project: %s
                profile: default
                profiles:
                  default:
                    audit: {enabled: true}
                """.formatted(PROJECT));
        Files.writeString(folder.resolve("tools/whoami.yml"), """
                mxcp: 1
                tool:
                  name: whoami
                  description: The caller as SQL sees it
                  return:
                    type: object
                    properties: {username: {type: string}, email: {type: string}, provider: {type: string}}
                  source:
                    code: SELECT get_username() AS username, get_user_email() AS email, get_user_provider() AS provider
                """);
        Files.writeString(folder.resolve("tools/admin_only.yml"), """
                mxcp: 1
                tool:
                  name: admin_only
                  description: For callers whose token maps to the admin capability
                  parameters:
                    - {name: note, type: string, description: A note}
                  return: {type: object, properties: {note: {type: string}, caller: {type: string}}}
                  source: {code: "SELECT $note AS note, get_username() AS caller"}
                  policies:
                    input:
                      - {condition: "!('admin' in user.capabilities)", action: deny, reason: "Administrators only"}
                """);
        Files.writeString(folder.resolve("tools/probe.yml"), """
                mxcp: 1
                tool:
                  name: probe
                  description: Called only by the refused-token test, to see in the audit log whether it ran
                  return: {type: object, properties: {ran: {type: boolean}}}
                  source: {code: "SELECT true AS ran"}
                """);
        return folder;
    }

    // ---- 1. no token

    @Test
    void withoutATokenTheEndpointAnswers401WithAChallengeNamingTheMetadataAndScope() {
        Reply post = mcp.callModern(null, "whoami", Map.of());
        assertEquals(401, post.status(), post::toString);
        assertEquals(AUTHENTICATION_REQUIRED, post.body(), post::toString);
        assertTrue(post.header("Content-Type").startsWith("application/json"), post::toString);
        assertEquals("Bearer scope=\"mcp.read\", resource_metadata=\"" + metadataUrl() + "\"",
                post.header("WWW-Authenticate"), post::toString);

        Reply stream = mcp.send(HttpRequest.newBuilder(mcp.mcpUri("")).header("Accept", "text/event-stream").GET());
        assertEquals(401, stream.status(), stream::toString);
        assertEquals(AUTHENTICATION_REQUIRED, stream.body(), stream::toString);
    }

    // ---- 2. protected resource metadata

    @Test
    void theProtectedResourceMetadataNamesTheIssuerOnBothPaths() {
        for (String path : List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
            Reply reply = mcp.send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
            assertEquals(200, reply.status(), reply::toString);
            JsonNode metadata = Json.parse(reply.body(), "metadata at " + path);
            assertEquals(base() + "/mcp", metadata.path("resource").asText(), reply::toString);
            assertEquals(List.of(issuerUrl()), texts(metadata.path("authorization_servers")), reply::toString);
            assertEquals(List.of("mcp.read"), texts(metadata.path("scopes_supported")), reply::toString);
            assertEquals(List.of("header"), texts(metadata.path("bearer_methods_supported")), reply::toString);
        }
    }

    // ---- 3. a valid token

    @Test
    void aValidTokenRunsTheCallAsItsUserInA2025Session() {
        String alice = token("alice-sub", CLIENT_ID, ALICE);
        String session = mcp.initialize(alice);
        Reply call = mcp.callLegacy(alice, session, "whoami", Map.of());
        JsonNode caller = call.toolResult();
        assertEquals("alice", caller.path("username").asText(), call::toString);
        assertEquals("alice@example.com", caller.path("email").asText(), call::toString);
        assertEquals("oidc", caller.path("provider").asText(), call::toString);

        // without preferred_username the name is the email's local part, and stateless modern calls work too
        JsonNode bare = mcp.callModern("Bearer " + token("carol-sub", CLIENT_ID, Map.of("email", "carol@example.com",
                "scope", "mcp.read")), "whoami", Map.of()).toolResult();
        assertEquals("carol", bare.path("username").asText(), bare::toString);
    }

    // ---- 4. tokens refused with 401

    @Test
    void badTokensAreRefusedWith401AndTheToolNeverRuns() {
        String valid = token("alice-sub", CLIENT_ID, ALICE);
        String[] parts = valid.split("\\.");
        String bobPayload = token("bob-sub", CLIENT_ID, Map.of("preferred_username", "bob", "scope", "mcp.read"))
                .split("\\.")[1];
        String unsigned = base64Url("{\"alg\":\"none\"}") + "." + parts[1] + ".";
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("another audience", "Bearer " + token("alice-sub", "another-api", ALICE));
        refused.put("expired", "Bearer " + issuer.issueToken(ISSUER_ID, "alice-sub", CLIENT_ID, ALICE, -600).serialize());
        refused.put("another issuer and key", "Bearer "
                + stranger.issueToken(ISSUER_ID, "alice-sub", CLIENT_ID, ALICE, 3600).serialize());
        refused.put("a signature of other claims", "Bearer " + parts[0] + "." + bobPayload + "." + parts[2]);
        refused.put("alg none", "Bearer " + unsigned);
        refused.put("garbage", "Bearer abc");
        refused.forEach((what, authorization) -> {
            Reply reply = mcp.callModern(authorization, "probe", Map.of());
            assertEquals(401, reply.status(), () -> what + ": " + reply);
            assertEquals(AUTHENTICATION_REQUIRED, reply.body(), () -> what + ": " + reply);
            assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer error=\"invalid_token\""),
                    () -> what + ": " + reply);
        });
        // credentials that are no bearer token are a request without one: no error, only where to get a token
        Reply basic = mcp.callModern("Basic " + Base64.getEncoder()
                .encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8)), "probe", Map.of());
        assertEquals(401, basic.status(), basic::toString);
        assertEquals("Bearer scope=\"mcp.read\", resource_metadata=\"" + metadataUrl() + "\"",
                basic.header("WWW-Authenticate"), basic::toString);
        Reply inQuery = mcp.send(mcp.modernRequest(mcp.mcpUri("?access_token=" + valid), null, "probe", Map.of()));
        assertEquals(401, inQuery.status(), () -> "token in the query string: " + inQuery);
        assertEquals(AUTHENTICATION_REQUIRED, inQuery.body(), inQuery::toString);

        // the one admitted call is the only run of the tool the audit trail records
        assertTrue(mcp.callModern("Bearer " + valid, "probe", Map.of()).toolResult().path("ran").asBoolean());
        JsonNode records = Poll.until(Duration.ofSeconds(10), "the admitted probe call in the audit log", () -> {
            CommandResult log = mxcp.run(project, environment, "log", "--tool", "probe", "--json");
            return log.exitCode() == 0 && log.json().path("result").path("count").asInt() > 0
                    ? log.json().path("result").path("records") : null;
        }, server::describe);
        assertEquals(1, records.size(), records::toString);
        assertEquals("success", records.path(0).path("operation_status").asText(), records::toString);
        assertEquals("alice-sub", records.path(0).path("user_id").asText(), records::toString);
    }

    // ---- 5. missing scope

    @Test
    void aTokenWithoutTheRequiredScopeIsRefusedWith403() {
        Reply reply = mcp.callModern("Bearer " + token("alice-sub", CLIENT_ID,
                Map.of("preferred_username", "alice", "scope", "openid profile")), "whoami", Map.of());
        assertEquals(403, reply.status(), reply::toString);
        assertEquals("{\"error\":\"insufficient_scope\",\"error_description\":\"Required scope: mcp.read\"}",
                reply.body(), reply::toString);
        assertEquals("Bearer error=\"insufficient_scope\", error_description=\"Required scope: mcp.read\", "
                + "scope=\"mcp.read\", resource_metadata=\"" + metadataUrl() + "\"",
                reply.header("WWW-Authenticate"), reply::toString);
    }

    // ---- 6. sessions are bound to their user

    @Test
    void aSessionServesOnlyTheUserWhoOpenedIt() {
        String alice = token("alice-sub", CLIENT_ID, ALICE);
        String bob = token("bob-sub", CLIENT_ID, Map.of("preferred_username", "bob", "scope", "openid mcp.read"));
        String session = mcp.initialize(alice);

        Reply hijack = mcp.callLegacy(bob, session, "whoami", Map.of());
        assertEquals(404, hijack.status(), hijack::toString);
        assertFalse(hijack.body().contains("alice"), hijack::toString);
        Reply endedByBob = mcp.send(HttpRequest.newBuilder(mcp.mcpUri("")).header("Authorization", "Bearer " + bob)
                .header("Mcp-Session-Id", session).DELETE());
        assertEquals(404, endedByBob.status(), endedByBob::toString);
        Reply anonymous = mcp.callLegacy(null, session, "whoami", Map.of());
        assertEquals(401, anonymous.status(), anonymous::toString);

        Reply own = mcp.callLegacy(alice, session, "whoami", Map.of());
        assertEquals("alice", own.toolResult().path("username").asText(), own::toString);
        Reply ended = mcp.send(HttpRequest.newBuilder(mcp.mcpUri("")).header("Authorization", "Bearer " + alice)
                .header("Mcp-Session-Id", session).DELETE());
        assertEquals(200, ended.status(), ended::toString);
    }

    // ---- 7. claim mappings reach the policies

    @Test
    void claimMappedCapabilitiesDecideThePolicy() {
        Map<String, Object> adminClaims = Map.of("preferred_username", "dana", "scope", "openid mcp.read",
                "groups", List.of("staff", "admins"));
        Reply admitted = mcp.callModern("Bearer " + token("dana-sub", CLIENT_ID, adminClaims), "admin_only",
                Map.of("note", "hi"));
        JsonNode result = admitted.toolResult();
        assertEquals("hi", result.path("note").asText(), admitted::toString);
        assertEquals("dana", result.path("caller").asText(), admitted::toString);

        Map<String, Object> staffClaims = Map.of("preferred_username", "erin", "scope", "openid mcp.read",
                "groups", List.of("staff"));
        for (String authorization : List.of(token("erin-sub", CLIENT_ID, staffClaims),
                token("alice-sub", CLIENT_ID, ALICE))) {
            Reply denied = mcp.callModern("Bearer " + authorization, "admin_only", Map.of("note", "hi"));
            assertEquals(200, denied.status(), denied::toString);
            JsonNode deniedResult = denied.message().path("result");
            assertTrue(deniedResult.path("isError").asBoolean(false), denied::toString);
            assertTrue(deniedResult.path("content").path(0).path("text").asText()
                    .contains("Policy enforcement failed: Administrators only"), denied::toString);
        }
    }

    // ---- 8. stdio cannot carry a token

    @Test
    void stdioRefusesToServeWithAuthenticationConfigured() throws IOException {
        // a project of its own: the running server holds the first one's database
        Path copy = writeProject(work.resolve("stdio/" + PROJECT));
        CommandResult stdio = mxcp.run(copy, environment, "serve", "--transport", "stdio");
        assertEquals(1, stdio.exitCode(), stdio::describe);
        assertTrue(stdio.stderr().contains("Error: The profile 'default' configures authentication"),
                stdio::describe);
        assertEquals("", stdio.stdout(), "nothing on the protocol stream: " + stdio.describe());
    }

    // ---- helpers

    private static String token(String subject, String audience, Map<String, Object> claims) {
        return issuer.issueToken(ISSUER_ID, subject, audience, claims, 3600).serialize();
    }

    private static String issuerUrl() {
        return issuer.issuerUrl(ISSUER_ID).toString();
    }

    private static String base() {
        return "http://localhost:" + port;
    }

    private static String metadataUrl() {
        return base() + "/.well-known/oauth-protected-resource/mcp";
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asText).toList();
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
