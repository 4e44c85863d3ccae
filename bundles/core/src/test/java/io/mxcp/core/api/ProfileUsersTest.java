package io.mxcp.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mxcp.sdk.auth.UserContext;

class ProfileUsersTest {

    @Test
    void aCapabilitiesListStandsForWhatClaimMappingsWouldGrant() {
        UserContext alice = ProfileUsers.of(Map.of("email", "alice@corp.example", "capabilities", List.of("hr", 7)),
                "cli", "cli_user");
        assertEquals(List.of("hr", "7"), alice.capabilities());
        assertEquals("cli_user", alice.userId());
        assertEquals(List.of("hr"), ProfileUsers.of(Map.of("capabilities", " hr"), "test", "test_user").capabilities(),
                "one name as text");
        assertEquals(List.of(), ProfileUsers.of(Map.of("capabilities", Map.of("hr", true)), "test", "test_user")
                .capabilities());
        assertEquals(List.of(), ProfileUsers.of(Map.of(), "test", "test_user").capabilities());
    }
}
