package io.mxcp.auth.github;

import java.time.Clock;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.AuthProvider;
import io.mxcp.sdk.auth.UpstreamLogin;

/**
 * Issuer mode with {@code provider: github}: users sign in with a GitHub OAuth app (or one of a GitHub Enterprise
 * Server). The {@code auth.github} block is described by {@link GitHubSettings}; besides the keys of the original
 * it takes {@code api_url} (default {@code https://api.github.com}) so the REST API can be another host's.
 * Opening asks nothing of GitHub: the server starts while GitHub is unreachable.
 */
@Component(service = AuthProvider.class)
public final class GitHubProvider implements AuthProvider {
    private final Clock clock;

    public GitHubProvider() {
        this(Clock.systemUTC());
    }

    /** A provider whose tokens' expiry times are computed on this clock (tests). */
    GitHubProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String providerName() {
        return "github";
    }

    @Override
    public UpstreamLogin open(Map<String, Object> settings, String callbackUrl) throws AuthException {
        GitHubSettings parsed = GitHubSettings.parse(settings);
        if (callbackUrl == null || callbackUrl.isBlank()) {
            throw new AuthException("The GitHub login needs the server's callback URL (base URL and "
                    + GitHubSettings.BLOCK + ".callback_path)");
        }
        return new GitHubLogin(parsed, callbackUrl, new GitHubHttp(), clock);
    }
}
