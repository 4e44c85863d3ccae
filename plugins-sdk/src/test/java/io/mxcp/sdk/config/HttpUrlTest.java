package io.mxcp.sdk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;

import org.junit.jupiter.api.Test;

class HttpUrlTest {
    private static String refusal(String value) {
        return assertThrows(IllegalArgumentException.class, () -> HttpUrl.parse(value, "auth.oidc.config_url"))
                .getMessage();
    }

    @Test
    void anHttpOrHttpsUrlWithAHostIsTakenWithoutItsSurroundingSpace() {
        assertEquals(URI.create("https://idp.example.com/.well-known/openid-configuration"),
                HttpUrl.parse("  https://idp.example.com/.well-known/openid-configuration\n", "f"));
        assertEquals(URI.create("HTTP://localhost:4318"), HttpUrl.parse("HTTP://localhost:4318", "f"));
    }

    @Test
    void eachRefusalSaysWhatIsWrongAndNamesTheField() {
        assertEquals("auth.oidc.config_url is not an http(s) URL: it has no scheme (write https://…)",
                refusal("idp.example.com/token"));
        assertEquals("auth.oidc.config_url is not an http(s) URL: it has no scheme (write https://…)",
                refusal("idp.example.com:8443/token"));
        assertEquals("auth.oidc.config_url is not an http(s) URL: its scheme is neither http nor https",
                refusal("ftp://idp.example.com/token"));
        assertEquals("auth.oidc.config_url is not an http(s) URL: it has no host name", refusal("https:///token"));
        assertEquals("auth.oidc.config_url is not an http(s) URL: it is not a URL (illegal character in authority at"
                + " character 11)", refusal("https://id p.example.com"));
        assertEquals("auth.oidc.config_url is not an http(s) URL: it has 3 lines (does its reference point at the"
                + " right value?)", refusal("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1\nbin:x:2:2"));
    }

    @Test
    void aRefusedValueIsNeverRepeated() {
        String secret = "s3cr3t-t0ken-value";
        for (String value : new String[] {secret, "vault:" + secret, "https://" + secret + " x", "https:" + secret,
                "user:" + secret + "@"}) {
            assertFalse(refusal(value).contains(secret), () -> refusal(value));
        }
    }
}
