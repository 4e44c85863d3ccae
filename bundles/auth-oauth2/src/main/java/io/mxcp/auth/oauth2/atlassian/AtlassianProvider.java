package io.mxcp.auth.oauth2.atlassian;

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.mxcp.auth.oauth2.Dialect;
import io.mxcp.auth.oauth2.OAuth2Provider;
import io.mxcp.auth.oauth2.UserInfoEndpoint;
import io.mxcp.sdk.auth.AuthProvider;

/**
 * Issuer mode with {@code provider: atlassian}: users sign in with an Atlassian OAuth 2.0 (3LO) app (spec 03
 * reference §1.3). The {@code auth.atlassian} block is described by {@link AtlassianSettings}.
 *
 * <ul>
 * <li>Authorization URL: {@code audience=api.atlassian.com, client_id, redirect_uri, response_type=code, scope,
 * state, prompt=consent} and S256 PKCE.</li>
 * <li>Token requests: a <b>JSON</b> body (Atlassian's token endpoint; the other providers' are form-encoded); granted
 * scopes space-separated. Atlassian rotates refresh tokens.</li>
 * <li>User: {@code GET <api_url>/me}, mapped by {@link #PROFILE}.</li>
 * </ul>
 */
@Component(service = AuthProvider.class)
public final class AtlassianProvider extends OAuth2Provider {
    static final Dialect DIALECT = Dialect.named("atlassian", "Atlassian")
            .authorizeParameters(Map.of("audience", "api.atlassian.com"), Map.of("prompt", "consent")).withPkce()
            .jsonTokenRequests();
    /**
     * The user from {@code /me}: {@code user_id} = {@code account_id} (required), {@code username} =
     * {@code nickname}, else the e-mail's local part, else the account id; {@code email}, {@code name},
     * {@code avatar_url} = {@code picture}; the raw profile is the answer of {@code /me}.
     */
    static final UserInfoEndpoint.Mapping PROFILE = new UserInfoEndpoint.Mapping(DIALECT.name(),
            "account_id", "nickname", "picture");

    public AtlassianProvider() {
        super(DIALECT, AtlassianSettings::parse);
    }
}
