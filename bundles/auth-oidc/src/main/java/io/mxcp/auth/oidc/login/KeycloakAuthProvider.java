package io.mxcp.auth.oidc.login;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.mxcp.auth.oidc.IssuerHttp;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.AuthProvider;
import io.mxcp.sdk.auth.UpstreamLogin;

/**
 * Issuer mode with {@code provider: keycloak}: users sign in at a Keycloak realm, whose endpoints are derived from
 * {@code server_url} and {@code realm} ({@code <server_url>/realms/<realm>/protocol/openid-connect/...}). Uses PKCE.
 */
@Component(service = AuthProvider.class)
public final class KeycloakAuthProvider implements AuthProvider {
    private static final Set<String> FIELDS = Set.of("client_id", "client_secret", "realm", "server_url", "scope",
            "callback_path", "claim_mappings");

    private final Clock clock;

    public KeycloakAuthProvider() {
        this(Clock.systemUTC());
    }

    KeycloakAuthProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String providerName() {
        return "keycloak";
    }

    @Override
    public String displayName(Map<String, Object> settings) {
        return "Keycloak";
    }

    @Override
    public UpstreamLogin open(Map<String, Object> settings, String callbackUrl) throws AuthException {
        SettingsBlock block = SettingsBlock.of(settings, "keycloak", "Keycloak", FIELDS);
        ClientRegistration client = ClientRegistration.read(block, callbackUrl, false);
        String realm = block.required("realm");
        String serverUrl = block.url("server_url", null).toString().replaceAll("/+$", "");
        String base = serverUrl + "/realms/" + URLEncoder.encode(realm, StandardCharsets.UTF_8).replace("+", "%20")
                + "/protocol/openid-connect";
        ProviderEndpoints endpoints = new ProviderEndpoints(URI.create(base + "/auth"), URI.create(base + "/token"),
                URI.create(base + "/userinfo"));
        AuthorizationRequest authorization = (state, challenge) -> AuthorizationUrl.at(endpoints.authorization())
                .param("client_id", client.clientId()).param("response_type", "code")
                .param("redirect_uri", client.redirectUri()).param("scope", client.scope()).param("state", state)
                .pkce(challenge).toString();
        return ProviderLogin.create(providerName(), client, endpoints, authorization, true, null,
                UserInfoMapping.STANDARD_CLAIMS, new IssuerHttp(ProviderLogin.TIME_LIMIT), clock);
    }
}
