package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * HOTSWAP for an auth plugin: the OIDC verifier bundle (mxcp-auth-oidc) is replaced ten times through deploy/ while
 * 16 callers call a tool with a bearer token of a real OIDC server. No call fails (calls in flight finish on the old
 * verifier, the next opens the new one, which fetches the issuer's keys again), every call runs as the token's user,
 * and the old versions' classes are let go.
 */
class AuthSwapIT {
    private static final String PROJECT = "guarded-swaps";
    private static final String AUDIENCE = "mxcp-swaps";
    private static final String BUNDLE_JAR = "mxcp-auth-oidc.jar";
    private static final int CALLERS = 16;
    private static final int ROUNDS = 10;
    private static final Duration SWAP_LIMIT = Duration.ofSeconds(10);

    private static final MockOAuth2Server ISSUER = startedIssuer();

    @RegisterExtension
    static final ServedProject served = ServedProject.withPrivateHome((work, mxcp) -> {
        Path project = mxcp.bootstrap(work, PROJECT);
        Files.writeString(project.resolve("tools/whoami.yml"), """
                mxcp: 1
                tool:
                  name: whoami
                  description: The caller's user name as SQL sees it
                  return: {type: string}
                  source: {code: "SELECT get_username() AS username"}
                """);
        // the server's HOME is the work folder: its default user config
        Files.createDirectories(work.resolve(".mxcp"));
        Files.writeString(work.resolve(".mxcp/config.yml"), """
                mxcp: 1
                projects:
                  %s:
                    profiles:
                      default:
                        auth:
                          mode: verifier
                          provider: oidc
                          oidc: {config_url: "%s", client_id: %s}
                """.formatted(PROJECT, ISSUER.wellKnownUrl("default"), AUDIENCE));
        return project;
    });

    private static MockOAuth2Server startedIssuer() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        MockOAuth2Server issuer = new MockOAuth2Server();
        issuer.start();
        return issuer;
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.shutdown();
    }

    @Test
    void tenVerifierSwapsUnderSixteenCallersLoseNoCall() throws Exception {
        ServerProcess server = served.server();
        String token = ISSUER.issueToken("default", "alice-sub", AUDIENCE,
                Map.of("preferred_username", "alice"), 3600).serialize();
        Path bundle = Distribution.home().resolve("bundles/" + BUNDLE_JAR);
        ToolCallers callers = new ToolCallers(served.port(), CALLERS, "whoami", Map.of(), token);
        try (callers) {
            for (int round = 1; round <= ROUNDS; round++) {
                String version = "0.4." + round;
                int before = callers.count();
                DeployDrop.drop(served.deploy(), BUNDLE_JAR, out -> PluginJars.withVersion(bundle, version, out));
                server.awaitLogLineEnding(SWAP_LIMIT, "started mxcp-auth-oidc " + version);
                if (round > 1) {
                    server.awaitLogLineEnding(SWAP_LIMIT, "removed mxcp-auth-oidc 0.4." + (round - 1));
                }
                Poll.until(SWAP_LIMIT, "calls after swapping in verifier " + version,
                        () -> callers.count() > before + CALLERS ? true : null, server::describe);
            }
        }
        List<ToolCallers.Call> seen = callers.calls();
        ToolCallers.assertNoneFailed(seen, server);
        assertTrue(seen.stream().allMatch(call -> "alice".equals(call.text())), "every call ran as alice");
        server.assertNoProblemsLogged();
        new JvmProbe(server.pid()).awaitLoaders("io.mxcp.auth.oidc.OidcTokenVerifier", 2, SWAP_LIMIT,
                "class loaders holding the verifier's classes after " + ROUNDS + " swaps (two: the one started from"
                        + " bundles/ and the newest)");
        System.out.printf("AuthSwapIT: %d verifier swaps under %d callers, %d authenticated calls, none failed%n",
                ROUNDS, CALLERS, seen.size());
    }
}
