package io.mxcp.mcp.internal.oauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class FernetTest {

    /**
     * The known-answer vector of the Fernet spec (fernet/spec generate.json); Python's cryptography 48 produces the
     * same token from these parts ({@code Fernet(key)._encrypt_from_parts(b"hello", 499162800, bytes(range(16)))}).
     */
    private static final String SPEC_KEY = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
    private static final long SPEC_TIME = 499162800L;
    private static final String SPEC_TOKEN = "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7"
            + "JcbmrR64jVmpU4IwqDA==";

    /** Made with python3 and cryptography 48: {@code Fernet(PYTHON_KEY).encrypt("mcp_refresh_ünïcode-token".encode())}. */
    private static final String PYTHON_KEY = "0AikepgqzRMpkXsgeJZuQJxV3Aw-eoPRqO5ib9pJhl8=";
    private static final String PYTHON_TOKEN = "gAAAAABrCGOAq3cX3HJcZZO4SKWYpr62bZx2p5j3xZm8eAt2RATuz__zBsoQIIrOaNHXkz3-q30j"
            + "w7yZCmGMLmstLkOOblR9CSfl72fOEw8VsxNZ6IS24Is=";

    @Test
    void producesTheSpecsKnownAnswer() throws Exception {
        Fernet fernet = new Fernet(SPEC_KEY);
        assertEquals(SPEC_TOKEN, fernet.encrypt("hello".getBytes(StandardCharsets.UTF_8), SPEC_TIME, iv()));
        assertEquals("hello", fernet.decrypt(SPEC_TOKEN));
    }

    @Test
    void decryptsATokenPythonMade() throws Exception {
        assertEquals("mcp_refresh_ünïcode-token", new Fernet(PYTHON_KEY).decrypt(PYTHON_TOKEN));
    }

    @Test
    void takesTheKeyInStandardBase64AsPythonDoes() throws Exception {
        String standard = SPEC_KEY.replace('-', '+').replace('_', '/');
        assertNotEquals(SPEC_KEY, standard);
        assertEquals("hello", new Fernet(standard).decrypt(SPEC_TOKEN));
    }

    @Test
    void roundTripsWithAFreshIvEachTime() throws Exception {
        Fernet fernet = new Fernet(PYTHON_KEY);
        String first = fernet.encrypt("a token ✓");
        String second = fernet.encrypt("a token ✓");
        assertNotEquals(first, second);
        assertEquals("a token ✓", fernet.decrypt(first));
        assertEquals("a token ✓", fernet.decrypt(second));
        assertTrue(first.endsWith("="), "padded like Python's urlsafe_b64encode");
        assertEquals(0, first.length() % 4);
    }

    @Test
    void refusesATamperedToken() {
        Fernet fernet = new Fernet(SPEC_KEY);
        byte[] token = Base64.getUrlDecoder().decode(SPEC_TOKEN);
        for (int at : new int[] {0, 5, 12, 30, token.length - 40, token.length - 1}) {
            byte[] tampered = token.clone();
            tampered[at] ^= 1;
            assertFailsToDecrypt(fernet, Base64.getUrlEncoder().encodeToString(tampered));
        }
        assertFailsToDecrypt(fernet, SPEC_TOKEN.substring(0, SPEC_TOKEN.length() - 8));
        assertFailsToDecrypt(fernet, "not a token!");
        assertFailsToDecrypt(new Fernet(PYTHON_KEY), SPEC_TOKEN);
    }

    @Test
    void refusesABadKeyWithoutQuotingIt() {
        IllegalArgumentException notBase64 =
                assertThrows(IllegalArgumentException.class, () -> new Fernet("s3cret key!"));
        assertEquals("Invalid Fernet key: not URL-safe base64", notBase64.getMessage());
        IllegalArgumentException tooShort =
                assertThrows(IllegalArgumentException.class, () -> new Fernet("c2hvcnRrZXk="));
        assertEquals("Invalid Fernet key: 8 bytes instead of 32", tooShort.getMessage());
    }

    @Test
    void tellsFernetTokensFromOtherValues() {
        assertTrue(Fernet.looksLikeToken(SPEC_TOKEN));
        assertTrue(Fernet.looksLikeToken(PYTHON_TOKEN));
        assertFalse(Fernet.looksLikeToken("mcp_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"));
        assertFalse(Fernet.looksLikeToken("client-secret"));
    }

    private static void assertFailsToDecrypt(Fernet fernet, String token) {
        GeneralSecurityException failure = assertThrows(GeneralSecurityException.class, () -> fernet.decrypt(token));
        assertEquals("Failed to decrypt stored token", failure.getMessage());
    }

    private static byte[] iv() {
        byte[] iv = new byte[16];
        for (int i = 0; i < iv.length; i++) {
            iv[i] = (byte) i;
        }
        return iv;
    }
}
