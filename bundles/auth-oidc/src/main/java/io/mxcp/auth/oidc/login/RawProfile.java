package io.mxcp.auth.oidc.login;

import java.util.LinkedHashMap;
import java.util.Map;

import io.mxcp.sdk.auth.TokenSet;

/**
 * The user's raw profile (spec 03 reference §1.11): the claims of the access token when it is a JWT, overlaid by
 * the ID token's claims, overlaid by the user-info JSON; later sources win.
 */
final class RawProfile {

    private RawProfile() {
    }

    static Map<String, Object> merge(TokenSet tokens, Map<String, Object> userInfo) {
        Map<String, Object> profile = new LinkedHashMap<>(UnverifiedClaims.of(tokens.accessToken()));
        profile.putAll(UnverifiedClaims.of(tokens.idToken()));
        profile.putAll(userInfo);
        return profile;
    }
}
