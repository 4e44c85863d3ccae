package io.mxcp.auth.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mxcp.sdk.auth.InvalidTokenException;
import io.mxcp.sdk.auth.UserContext;

/** Turns a checked token's claims into the user: standard OIDC claims, every claim as the raw profile. */
final class OidcUsers {

    private OidcUsers() {
    }

    static UserContext user(Map<String, Object> claims, String providerName) throws InvalidTokenException {
        String subject = text(claims, "sub");
        if (subject == null || subject.isEmpty()) {
            throw new InvalidTokenException("The token names no subject (sub)");
        }
        String email = text(claims, "email");
        String username = text(claims, "preferred_username");
        if (username == null) {
            username = text(claims, "username");
        }
        if (username == null && email != null && email.contains("@")) {
            username = email.substring(0, email.indexOf('@'));
        }
        if (username == null) {
            username = subject;
        }
        return new UserContext(subject, username, email, text(claims, "name"), text(claims, "picture"), providerName,
                scopes(claims), null, claims);
    }

    /** {@code scope} (space-separated, RFC 8693/9068) or {@code scp} (a list or a string: Okta, Entra). */
    static List<String> scopes(Map<String, Object> claims) {
        Object scope = claims.containsKey("scope") ? claims.get("scope") : claims.get("scp");
        List<String> scopes = new ArrayList<>();
        if (scope instanceof String text) {
            for (String each : text.trim().split("\\s+")) {
                if (!each.isEmpty()) {
                    scopes.add(each);
                }
            }
        } else if (scope instanceof List<?> list) {
            list.forEach(each -> scopes.add(String.valueOf(each)));
        }
        return scopes;
    }

    private static String text(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String text ? text : null;
    }
}
