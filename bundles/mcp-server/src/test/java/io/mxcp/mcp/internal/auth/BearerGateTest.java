package io.mxcp.mcp.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the gate writes to the logs about a refused token: why, never the token. */
class BearerGateTest {

    @Test
    void aVerifiersMessageLosesTheTokenAndEachOfItsParts() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
        assertEquals("JWT rejected: cannot parse [token] in [token]",
                BearerGate.withoutToken("JWT rejected: cannot parse eyJzdWIiOiJhbGljZSJ9 in " + token, token));
        assertEquals("The token expired", BearerGate.withoutToken("The token expired", token));
        assertEquals("no reason given", BearerGate.withoutToken(null, token));
    }
}
