package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A third-party auth plugin (README "Plugins and hot deploy"): a token verifier compiled from this module's test
 * sources against the distribution's plugin SDK, dropped into deploy/, named by its provider name in the user config
 * with a block of its own settings, guards `mxcp serve`; removed, requests are refused with 503 (never let through);
 * dropped again, it serves again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthPluginIT {

    private static final String PROJECT = "plugin-guarded";
    private static final String JAR = "fixed-token.jar";
    private static final String TOKEN = "s3cret-fixed-token";
    private static final Duration DEPLOY_LIMIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final ServedProject served = ServedProject.withPrivateHome((work, mxcp) -> {
        dropPlugin(mxcp.home().resolve("deploy"), work);
        Path project = mxcp.bootstrap(work, PROJECT);
        Files.writeString(project.resolve("tools/whoami.yml"), """
                mxcp: 1
                tool:
                  name: whoami
                  description: The caller as SQL sees it
                  return: {type: object, properties: {username: {type: string}, provider: {type: string}}}
                  source: {code: "SELECT get_username() AS username, get_user_provider() AS provider"}
                """);
        Files.createDirectories(work.resolve(".mxcp"));
        Files.writeString(work.resolve(".mxcp/config.yml"), """
                mxcp: 1
                projects:
                  %s:
                    profiles:
                      default:
                        auth:
                          mode: verifier
                          provider: fixed-token
                          fixed-token: {token: %s, username: ann}
                """.formatted(PROJECT, TOKEN));
        return project;
    });

    private static void dropPlugin(Path deploy, Path scratch) throws IOException {
        DeployDrop.drop(deploy, JAR, out -> PluginJars.compiled("fixed-token-plugin", scratch, "com.example.fixed-token",
                "1.0.0", "io.mxcp.sdk.auth;version=\"[2.0,3)\"", "OSGI-INF/fixed-token.xml", out));
    }

    private static BearerMcp mcp() {
        return new BearerMcp("http://localhost:" + served.port(), () -> served.server().describe());
    }

    @Test
    @Order(1)
    void thePluginNamedInTheUserConfigChecksEveryRequestsToken() {
        BearerMcp mcp = mcp();
        assertEquals(401, mcp.callModern(null, "whoami", Map.of()).status());
        BearerMcp.Reply wrong = mcp.callModern("Bearer not-the-token", "whoami", Map.of());
        assertEquals(401, wrong.status(), wrong::toString);
        assertTrue(wrong.header("WWW-Authenticate").startsWith("Bearer error=\"invalid_token\""), wrong::toString);

        BearerMcp.Reply call = mcp.callModern("Bearer " + TOKEN, "whoami", Map.of());
        assertEquals("ann", call.toolResult().path("username").asText(), call::toString);
        assertEquals("fixed-token", call.toolResult().path("provider").asText(), call::toString);
    }

    @Test
    @Order(2)
    void withThePluginRemovedRequestsAreRefusedUntilItIsBack() throws Exception {
        ServerProcess server = served.server();
        Files.delete(served.deploy().resolve(JAR));
        server.awaitLogLineEnding(DEPLOY_LIMIT, "removed com.example.fixed-token 1.0.0");
        BearerMcp.Reply refused = mcp().callModern("Bearer " + TOKEN, "whoami", Map.of());
        assertEquals(503, refused.status(), refused::toString);
        assertTrue(refused.body().contains("temporarily_unavailable"), refused::toString);
        server.awaitLogLineEnding(DEPLOY_LIMIT, "No auth provider named fixed-token is installed (auth.provider)");

        dropPlugin(served.deploy(), served.work());
        server.awaitLogLineEnding(DEPLOY_LIMIT, "started com.example.fixed-token 1.0.0");
        BearerMcp.Reply call = mcp().callModern("Bearer " + TOKEN, "whoami", Map.of());
        assertEquals("ann", call.toolResult().path("username").asText(), call::toString);
    }
}
