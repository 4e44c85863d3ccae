package io.mxcp.core.internal.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.sdk.auth.UserContext;

/**
 * The {@code user} variable of policy conditions (spec 03 §2.2). The raw profile is not exposed, only its
 * {@code role} and {@code permissions}; without a user the caller is anonymous. Capabilities are what the server's
 * claim mappings granted the user (empty for the CLI's users).
 */
final class PolicyUser {

    private PolicyUser() {
    }

    static Map<String, Object> of(UserContext user) {
        Map<String, Object> variable = new LinkedHashMap<>();
        if (user == null) {
            variable.put("user_id", null);
            variable.put("username", null);
            variable.put("email", null);
            variable.put("provider", null);
            variable.put("role", "anonymous");
            variable.put("permissions", List.of());
            variable.put("capabilities", List.of());
            return CelValues.map(variable);
        }
        Map<String, Object> profile = user.rawProfile();
        variable.put("user_id", user.userId());
        variable.put("username", user.username());
        variable.put("email", user.email());
        variable.put("provider", user.provider());
        variable.put("name", user.name());
        variable.put("role", profile.containsKey("role") ? profile.get("role") : "user");
        variable.put("permissions", profile.containsKey("permissions") ? profile.get("permissions") : List.of());
        variable.put("capabilities", user.capabilities());
        return CelValues.map(variable);
    }
}
