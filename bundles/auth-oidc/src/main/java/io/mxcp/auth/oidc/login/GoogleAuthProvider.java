package io.mxcp.auth.oidc.login;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.mxcp.auth.oidc.IssuerHttp;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.AuthProvider;
import io.mxcp.sdk.auth.UpstreamLogin;

/**
 * Issuer mode with {@code provider: google}: users sign in with their Google account. Asks for offline access
 * (a refresh token) with forced consent, and uses PKCE.
 */
@Component(service = AuthProvider.class)
public final class GoogleAuthProvider implements AuthProvider {
    static final String AUTH_URL = "https://accounts.google.com/o/oauth2/v2/auth";
    static final String TOKEN_URL = "https://oauth2.googleapis.com/token";
    static final URI USER_INFO_URL = URI.create("https://www.googleapis.com/oauth2/v2/userinfo");

    private static final Set<String> FIELDS = Set.of("client_id", "client_secret", "scope", "callback_path",
            "auth_url", "token_url", "claim_mappings");

    private final URI userInfoUrl;
    private final Clock clock;

    public GoogleAuthProvider() {
        this(USER_INFO_URL, Clock.systemUTC());
    }

    /** A provider whose user-info endpoint is elsewhere (tests). */
    GoogleAuthProvider(URI userInfoUrl, Clock clock) {
        this.userInfoUrl = userInfoUrl;
        this.clock = clock;
    }

    @Override
    public String providerName() {
        return "google";
    }

    @Override
    public String displayName(Map<String, Object> settings) {
        return "Google";
    }

    @Override
    public UpstreamLogin open(Map<String, Object> settings, String callbackUrl) throws AuthException {
        SettingsBlock block = SettingsBlock.of(settings, "google", "Google", FIELDS);
        ClientRegistration client = ClientRegistration.read(block, callbackUrl, true);
        ProviderEndpoints endpoints = new ProviderEndpoints(block.url("auth_url", AUTH_URL),
                block.url("token_url", TOKEN_URL), userInfoUrl);
        AuthorizationRequest authorization = (state, challenge) -> AuthorizationUrl.at(endpoints.authorization())
                .param("client_id", client.clientId()).param("redirect_uri", client.redirectUri())
                .param("response_type", "code").param("scope", client.scope()).param("state", state)
                .param("access_type", "offline").param("prompt", "consent").pkce(challenge).toString();
        return ProviderLogin.create(providerName(), client, endpoints, authorization, true, null,
                UserInfoMapping.GOOGLE, new IssuerHttp(ProviderLogin.TIME_LIMIT), clock);
    }
}
