package io.mxcp.secrets.onepassword;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.sdk.secrets.SecretResolutionException;

class OnePasswordSecretResolverTest {

    @TempDir
    Path folder;

    private OnePasswordSecretResolver resolver;
    private final Map<String, Object> settings = Map.of("enabled", true);

    @BeforeEach
    void standIn() throws Exception {
        resolver = new OnePasswordSecretResolver(
                Map.of("OP_SERVICE_ACCOUNT_TOKEN", StandInOpCli.TOKEN, "TEAM_OP_TOKEN", "revoked")::get,
                new OpCli(StandInOpCli.writeInto(folder).toString()));
    }

    private String failure(OnePasswordSecretResolver with, String reference, Map<String, Object> settings) {
        return assertThrows(SecretResolutionException.class, () -> with.resolve(reference, settings)).getMessage();
    }

    @Test
    void aFieldAndAOneTimePasswordAreReadWithTheServiceAccount() throws Exception {
        assertEquals(StandInOpCli.PASSWORD_VALUE, resolver.resolve(StandInOpCli.PASSWORD, settings));
        assertEquals(StandInOpCli.ONE_TIME_PASSWORD_VALUE, resolver.resolve(StandInOpCli.ONE_TIME_PASSWORD, settings));
    }

    @Test
    void whatTheCliCannotReadIsNamedWithItsWords() {
        assertEquals("Failed to resolve 1Password URL 'op://Prod/db/user': [ERROR] 2026/11/28 12:00:00 could not read "
                + "secret 'op://Prod/db/user': item not found", failure(resolver, "op://Prod/db/user", settings));
        assertEquals("Failed to resolve 1Password URL 'op://Prod/db/password': [ERROR] 2026/11/28 12:00:00 invalid "
                + "service account token", failure(resolver, "op://Prod/db/password",
                Map.of("enabled", true, "token_env", "TEAM_OP_TOKEN")));
    }

    @Test
    void aReferenceATokenOrACliThatIsMissingIsNamed() {
        assertEquals("Invalid 1Password URL format: 'op://Prod/db'. Expected format: op://vault/item/field or "
                + "op://vault/item/field?attribute=otp", failure(resolver, "op://Prod/db", settings));
        assertEquals("Invalid 1Password URL format: 'op://Prod/db/password?attribute=type'. Expected format: "
                + "op://vault/item/field or op://vault/item/field?attribute=otp",
                failure(resolver, "op://Prod/db/password?attribute=type", settings));
        assertEquals("1Password service account token not found in environment variable 'MISSING'",
                failure(resolver, StandInOpCli.PASSWORD, Map.of("token_env", "MISSING")));

        OnePasswordSecretResolver withoutCli = new OnePasswordSecretResolver(
                Map.of("OP_SERVICE_ACCOUNT_TOKEN", StandInOpCli.TOKEN)::get,
                new OpCli(folder.resolve("absent/op").toString()));
        String missing = failure(withoutCli, StandInOpCli.PASSWORD, settings);
        assertTrue(missing.startsWith("Failed to resolve 1Password URL 'op://Prod/db/password': the 1Password CLI '"
                + folder.resolve("absent/op") + "' cannot be run ("), missing);
        assertTrue(missing.endsWith("); install it: " + OpCli.INSTALL), missing);
    }
}
