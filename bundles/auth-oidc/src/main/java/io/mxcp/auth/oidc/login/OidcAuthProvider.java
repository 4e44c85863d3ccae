package io.mxcp.auth.oidc.login;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.mxcp.auth.oidc.IssuerHttp;
import io.mxcp.auth.oidc.IssuerMetadata;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.AuthProvider;
import io.mxcp.sdk.auth.UpstreamLogin;

/**
 * Issuer mode with {@code provider: oidc}: users sign in at any OpenID Connect provider (Okta, Auth0, Entra, ...),
 * whose endpoints come from its discovery document, read when the login opens. PKCE (S256) unless the document
 * names PKCE methods without S256.
 */
@Component(service = AuthProvider.class)
public final class OidcAuthProvider implements AuthProvider {
    private static final Set<String> FIELDS = Set.of("config_url", "client_id", "client_secret", "scope",
            "callback_path", "audience", "extra_authorize_params", "provider_name", "claim_mappings");
    /** Parameters the server sets itself: extra parameters must not send them a second time. */
    private static final List<String> SERVER_PARAMETERS = List.of("client_id", "response_type", "redirect_uri",
            "scope", "state", "audience", "code_challenge", "code_challenge_method");

    private final Clock clock;

    public OidcAuthProvider() {
        this(Clock.systemUTC());
    }

    OidcAuthProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String providerName() {
        return "oidc";
    }

    /** The block's {@code provider_name}, else the identity provider's host. */
    @Override
    public String displayName(Map<String, Object> settings) {
        if (settings.get("provider_name") instanceof String name && !name.isBlank()) {
            return name.strip();
        }
        if (settings.get("config_url") instanceof String configUrl) {
            try {
                String host = URI.create(configUrl.strip()).getHost();
                if (host != null) {
                    return host;
                }
            } catch (IllegalArgumentException e) {
                // opening refuses the URL, naming the field
            }
        }
        return "OIDC";
    }

    @Override
    public UpstreamLogin open(Map<String, Object> settings, String callbackUrl) throws AuthException {
        SettingsBlock block = SettingsBlock.of(settings, "oidc", "OIDC", FIELDS);
        URI configUrl = block.url("config_url", null);
        ClientRegistration client = ClientRegistration.read(block, callbackUrl, true);
        if (!client.scopes().contains("openid")) {
            throw new AuthException("OIDC scope must include 'openid'");
        }
        String audience = blankAsNull(block.optional("audience"));
        String providerName = blankAsNull(block.optional("provider_name"));
        Map<String, String> extra = block.stringMap("extra_authorize_params");
        for (String name : extra.keySet()) {
            if (SERVER_PARAMETERS.contains(name)) {
                throw new AuthException(block.path("extra_authorize_params") + "." + name
                        + ": the server sets this parameter itself");
            }
        }
        IssuerHttp http = new IssuerHttp(ProviderLogin.TIME_LIMIT);
        IssuerMetadata issuer;
        try {
            issuer = IssuerMetadata.fetch(http, configUrl).requireLoginEndpoints(configUrl);
        } catch (AuthException e) {
            http.close();
            throw e;
        }
        ProviderEndpoints endpoints = new ProviderEndpoints(issuer.authorizationEndpoint(), issuer.tokenEndpoint(),
                issuer.userinfoEndpoint());
        AuthorizationRequest authorization = (state, challenge) -> {
            AuthorizationUrl url = AuthorizationUrl.at(endpoints.authorization())
                    .param("client_id", client.clientId()).param("response_type", "code")
                    .param("redirect_uri", client.redirectUri()).param("scope", client.scope())
                    .param("state", state).param("audience", audience).pkce(challenge);
            extra.forEach(url::param);
            return url.toString();
        };
        return ProviderLogin.create(providerName != null ? providerName : providerName(), client, endpoints,
                authorization, takesS256(issuer.codeChallengeMethods()), audience, UserInfoMapping.STANDARD_CLAIMS,
                http, clock);
    }

    /** PKCE with S256 unless the provider names PKCE methods and S256 is not among them. */
    private static boolean takesS256(List<String> methods) {
        return methods == null || methods.isEmpty() || methods.contains("S256");
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
