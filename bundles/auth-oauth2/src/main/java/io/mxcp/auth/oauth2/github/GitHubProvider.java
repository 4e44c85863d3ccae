package io.mxcp.auth.oauth2.github;

import org.osgi.service.component.annotations.Component;

import io.mxcp.auth.oauth2.Dialect;
import io.mxcp.auth.oauth2.OAuth2Provider;
import io.mxcp.sdk.auth.AuthProvider;

/**
 * Issuer mode with {@code provider: github}: users sign in with a GitHub OAuth app (or one of a GitHub Enterprise
 * Server). The {@code auth.github} block is described by {@link GitHubSettings}; besides the keys of the original
 * it takes {@code api_url} (default {@code https://api.github.com}) so the REST API can be another host's.
 *
 * <p>The authorization URL carries S256 PKCE; token requests are form posts asking for JSON (GitHub answers
 * form-encoded otherwise), and GitHub lists granted scopes comma-separated. GitHub issues refresh tokens only to
 * apps with expiring user tokens, and rotates them. The user is read by {@link GitHubUsers}.
 */
@Component(service = AuthProvider.class)
public final class GitHubProvider extends OAuth2Provider {
    static final Dialect DIALECT = Dialect.named("github", "GitHub").withPkce().commaSeparatedScopes();

    public GitHubProvider() {
        super(DIALECT, GitHubSettings::parse);
    }
}
