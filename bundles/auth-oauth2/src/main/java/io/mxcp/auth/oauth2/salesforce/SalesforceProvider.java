package io.mxcp.auth.oauth2.salesforce;

import org.osgi.service.component.annotations.Component;

import io.mxcp.auth.oauth2.Dialect;
import io.mxcp.auth.oauth2.OAuth2Provider;
import io.mxcp.auth.oauth2.UserInfoEndpoint;
import io.mxcp.sdk.auth.AuthProvider;

/**
 * Issuer mode with {@code provider: salesforce}: users sign in with a Salesforce connected app (spec 03 reference
 * §1.3). The {@code auth.salesforce} block is described by {@link SalesforceSettings}.
 *
 * <ul>
 * <li>Authorization URL: {@code client_id, redirect_uri, response_type=code, scope, state}; no PKCE, as the
 * original (a connected app that requires PKCE cannot be used).</li>
 * <li>Token requests: form-encoded; granted scopes space-separated. Salesforce's answers carry no
 * {@code expires_in} (the expiry is unknown) and do not rotate refresh tokens.</li>
 * <li>User: {@code GET <userinfo_url>}, mapped by {@link #PROFILE}.</li>
 * </ul>
 */
@Component(service = AuthProvider.class)
public final class SalesforceProvider extends OAuth2Provider {
    static final Dialect DIALECT = Dialect.named("salesforce", "Salesforce");
    /**
     * The user from the user info: {@code user_id} = {@code user_id} (required), {@code username} =
     * {@code username}, else the e-mail's local part, else the user id; {@code email}, {@code name},
     * {@code avatar_url} = {@code photos.picture}; the raw profile is the user-info answer.
     */
    static final UserInfoEndpoint.Mapping PROFILE = new UserInfoEndpoint.Mapping(DIALECT.name(),
            "user_id", "username", "photos.picture");

    public SalesforceProvider() {
        super(DIALECT, SalesforceSettings::parse);
    }
}
