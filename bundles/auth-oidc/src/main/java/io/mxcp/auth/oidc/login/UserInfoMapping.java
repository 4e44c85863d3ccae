package io.mxcp.auth.oidc.login;

import java.util.Map;

import io.mxcp.sdk.auth.InvalidTokenException;

/** How a provider's user-info JSON names the user (spec 03 reference §1.3, "UserInfo mapping"). */
enum UserInfoMapping {

    /** OIDC standard claims (Keycloak, any OIDC provider): {@code sub}, {@code preferred_username}, ... */
    STANDARD_CLAIMS {
        @Override
        UserIdentity identity(Map<String, Object> userInfo) throws InvalidTokenException {
            String subject = text(userInfo, "sub");
            if (subject == null) {
                throw new InvalidTokenException("The user-info response names no subject (sub)");
            }
            String email = text(userInfo, "email");
            String username = text(userInfo, "preferred_username");
            if (username == null) {
                username = localPart(email);
            }
            return new UserIdentity(subject, username != null ? username : subject, email, text(userInfo, "name"),
                    text(userInfo, "picture"));
        }
    },

    /** Google's {@code oauth2/v2/userinfo}: {@code id} (or {@code sub}), {@code email}, {@code name}, {@code picture}. */
    GOOGLE {
        @Override
        UserIdentity identity(Map<String, Object> userInfo) throws InvalidTokenException {
            String id = identifier(userInfo.get("id"));
            if (id == null) {
                id = identifier(userInfo.get("sub"));
            }
            if (id == null) {
                throw new InvalidTokenException("The Google profile has no id");
            }
            String email = text(userInfo, "email");
            String username = localPart(email);
            return new UserIdentity(id, username != null ? username : id, email, text(userInfo, "name"),
                    text(userInfo, "picture"));
        }
    };

    /** The user; {@code invalid_token} when the profile has no identifier. */
    abstract UserIdentity identity(Map<String, Object> userInfo) throws InvalidTokenException;

    private static String text(Map<String, Object> userInfo, String key) {
        return userInfo.get(key) instanceof String text && !text.isEmpty() ? text : null;
    }

    private static String identifier(Object value) {
        if (value instanceof String text) {
            return text.isEmpty() ? null : text;
        }
        return value instanceof Number number ? number.toString() : null;
    }

    private static String localPart(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at > 0 ? email.substring(0, at) : null;
    }
}
