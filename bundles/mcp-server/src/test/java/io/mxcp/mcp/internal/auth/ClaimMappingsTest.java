package io.mxcp.mcp.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClaimMappingsTest {

    private static ClaimMappings mappings(Map<String, Object> raw) throws Exception {
        return ClaimMappings.parse(raw, "auth.oidc.claim_mappings");
    }

    @Test
    void listStringBooleanAndNumberClaimsGrantTheirValuesCapabilities() throws Exception {
        ClaimMappings mappings = mappings(Map.of(
                "groups", Map.of("admins", List.of("admin"), "staff", List.of("read")),
                "scope", Map.of("write", List.of("edit")),
                "email_verified", Map.of("true", List.of("verified")),
                "level", Map.of("3", List.of("senior"))));
        Map<String, Object> profile = Map.of("groups", List.of("admins", "staff"), "scope", "openid write",
                "email_verified", true, "level", 3);
        assertEquals(List.of("admin", "read", "edit", "verified", "senior").stream().sorted().toList(),
                mappings.capabilities(profile).stream().sorted().toList());
        assertEquals(List.of(), mappings.capabilities(Map.of("groups", List.of("guests"))));
    }

    @Test
    void aPathIsAClaimNameFirstThenNestedNames() throws Exception {
        ClaimMappings mappings = mappings(Map.of(
                "https://corp.example/roles", Map.of("ops", List.of("deploy")),
                "realm_access.roles", Map.of("auditor", List.of("audit", "deploy"))));
        assertEquals(List.of("deploy"), mappings.capabilities(Map.of("https://corp.example/roles", List.of("ops"))));
        assertEquals(List.of("audit", "deploy"), mappings.capabilities(Map.of("realm_access",
                Map.of("roles", List.of("auditor")))), "each capability once");
        assertEquals(List.of(), mappings.capabilities(Map.of("realm_access", "flat")));
    }
}
