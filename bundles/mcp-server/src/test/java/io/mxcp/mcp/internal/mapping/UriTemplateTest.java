package io.mxcp.mcp.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

class UriTemplateTest {
    private final UriTemplate customer = UriTemplate.parse("orders://customer/{name}/since/{day}");

    @Test
    void valuesArePercentDecodedAsTemplateExpansionEncodedThem() {
        assertEquals(Map.of("name", "Zoë Ünal", "day", "2024-01-02"),
                customer.match("orders://customer/Zo%C3%AB%20%C3%9Cnal/since/2024-01-02"));
        assertEquals(Map.of("name", "a+b", "day", "x"), customer.match("orders://customer/a+b/since/x"),
                "a plus is no space outside forms");
    }

    @Test
    void valuesThatAreNotAnEncodingStayAsSent() {
        assertEquals("50%off", customer.match("orders://customer/50%off/since/x").get("name"));
        assertEquals("%FF", customer.match("orders://customer/%FF/since/x").get("name"), "not UTF-8");
        assertEquals("ab%", customer.match("orders://customer/ab%/since/x").get("name"));
    }

    @Test
    void aPlaceholderIsOneSegment() {
        assertNull(customer.match("orders://customer/a/b/since/x"));
        assertNull(customer.match("orders://customer//since/x"));
        assertNull(customer.match("orders://customer/%2e%2e%2fetc%2fpasswd/since/x"), "an encoded slash");
        assertNull(customer.match("orders://customer/../since/x"), "a dot segment");
        assertNull(customer.match("orders://customer/%2E/since/x"));
        assertEquals("..a", customer.match("orders://customer/..a/since/x").get("name"));
    }
}
