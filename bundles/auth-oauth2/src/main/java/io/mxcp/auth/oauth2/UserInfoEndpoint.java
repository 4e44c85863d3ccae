package io.mxcp.auth.oauth2;

import java.net.URI;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UserContext;

/**
 * A user-info endpoint mapped as most providers' (spec 03 reference §1.3): {@code GET} with the access token as
 * bearer, asking for JSON; {@code user_id} = the id field (required), {@code username} = the username field, else
 * the e-mail's local part, else the user id; {@code email} = {@code email}; {@code name} = {@code name};
 * {@code avatar_url} = the avatar path.
 *
 * @param http    the client the user is read with
 * @param uri     the user-info endpoint
 * @param mapping where the profile keeps the user's fields
 */
public record UserInfoEndpoint(OAuthHttp http, URI uri, Mapping mapping) implements UserReader {

    /**
     * Where a provider's profile keeps the user's fields.
     *
     * @param provider      the provider's name, the user's {@code provider}
     * @param idField       the user's id
     * @param usernameField the user's login name, preferred as username
     * @param avatarPath    the picture's URL, keys separated by {@code .}
     */
    public record Mapping(String provider, String idField, String usernameField, String avatarPath) {
    }

    @Override
    public UserContext user(TokenSet tokens) throws AuthException {
        UserProfile profile = UserProfile.fetch(http, uri, "application/json", tokens);
        String userId = profile.id(mapping.idField());
        String email = profile.text("email");
        String username = profile.text(mapping.usernameField());
        if (username == null) {
            username = UserProfile.localPart(email);
        }
        return profile.user(mapping.provider(), tokens, userId, username != null ? username : userId, email,
                profile.text("name"), profile.text(mapping.avatarPath()));
    }
}
