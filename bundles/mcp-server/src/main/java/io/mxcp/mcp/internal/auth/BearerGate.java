package io.mxcp.mcp.internal.auth;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.mxcp.mcp.api.ServerConfigException;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;
import io.mxcp.sdk.auth.TokenVerifier;
import io.mxcp.sdk.auth.TokenVerifierProvider;
import io.mxcp.sdk.auth.UserContext;

/**
 * Decides per request who calls, from the {@code Authorization: Bearer} header only (never a query parameter):
 * the token is checked by the newest installed verifier of the configured provider, then the required scopes, then
 * the claim mappings add the user's capabilities. A verifier service that is replaced is opened anew for the next
 * request; one that is gone makes requests fail with 503, never pass.
 */
public final class BearerGate {
    private static final System.Logger LOG = System.getLogger(BearerGate.class.getName());
    private static final String SCHEME = "bearer ";

    /** The gate of a server without authentication: everyone is anonymous. */
    public static final BearerGate OFF = new BearerGate(AuthSettings.NONE, new TokenVerifiers());

    private final AuthSettings settings;
    private final TokenVerifiers verifiers;
    private final Consumer<TokenVerifierProvider> removalListener = this::dropIfFrom;
    private volatile OpenedVerifier opened;

    /** A verifier and the service it came from. */
    private record OpenedVerifier(TokenVerifierProvider provider, TokenVerifier verifier) {
    }

    private BearerGate(AuthSettings settings, TokenVerifiers verifiers) {
        this.settings = settings;
        this.verifiers = verifiers;
    }

    /**
     * The gate for these settings; with authentication on, the provider must be installed and accept its settings
     * (checked now, so a misconfigured server does not start).
     */
    public static BearerGate open(AuthSettings settings, TokenVerifiers verifiers) throws ServerConfigException {
        if (!settings.enabled()) {
            return OFF;
        }
        BearerGate gate = new BearerGate(settings, verifiers);
        try {
            gate.verifier();
        } catch (AuthException e) {
            throw new ServerConfigException(e.getMessage(), e);
        }
        verifiers.onRemoval(gate.removalListener);
        return gate;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public List<String> requiredScopes() {
        return settings.requiredScopes();
    }

    /** The token of an {@code Authorization} header, or null when it carries no bearer token. */
    public static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return null;
        }
        String token = authorization.substring(SCHEME.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** May wait for the issuer (discovery, key set, introspection): call it off the IO thread. */
    public Verdict check(String authorization) {
        if (!settings.enabled()) {
            return Verdict.ANONYMOUS;
        }
        String token = bearerToken(authorization);
        if (token == null) {
            return Verdict.AUTHENTICATION_REQUIRED;
        }
        UserContext user;
        try {
            user = verifier().verify(token);
        } catch (InvalidTokenException e) {
            LOG.log(System.Logger.Level.INFO, "Bearer token refused: " + e.getMessage());
            return Verdict.AUTHENTICATION_REQUIRED;
        } catch (AuthException e) {
            LOG.log(System.Logger.Level.WARNING, "Bearer token not checked: " + e.getMessage());
            return Verdict.refused(503, "temporarily_unavailable",
                    "The token cannot be checked now; try again later");
        }
        for (String scope : settings.requiredScopes()) {
            if (!user.scopes().contains(scope)) {
                return Verdict.refused(403, "insufficient_scope", "Required scope: " + scope);
            }
        }
        return Verdict.admitted(user.withCapabilities(settings.claimMappings().capabilities(user.rawProfile())));
    }

    /** The issuer clients get tokens from, for the protected resource metadata. */
    public String issuer() throws AuthException {
        return verifier().issuer();
    }

    private TokenVerifier verifier() throws AuthException {
        TokenVerifierProvider newest = verifiers.newest(settings.provider());
        if (newest == null) {
            throw new AuthException("No auth provider named " + settings.provider() + " is installed (auth.provider)");
        }
        OpenedVerifier current = opened;
        return current != null && current.provider() == newest ? current.verifier() : reopen(newest);
    }

    /** Opens the new service's verifier; the old one finishes the checks it has begun. */
    private synchronized TokenVerifier reopen(TokenVerifierProvider newest) throws AuthException {
        OpenedVerifier current = opened;
        if (current != null && current.provider() == newest) {
            return current.verifier();
        }
        opened = new OpenedVerifier(newest, newest.open(settings.providerBlock()));
        if (current != null) {
            current.verifier().close();
        }
        return opened.verifier();
    }

    /** A provider's bundle is leaving: nothing of it may stay referenced. */
    private synchronized void dropIfFrom(TokenVerifierProvider removed) {
        if (opened != null && opened.provider() == removed) {
            opened.verifier().close();
            opened = null;
        }
    }

    /** At server stop. */
    public synchronized void close() {
        verifiers.stopListening(removalListener);
        if (opened != null) {
            opened.verifier().close();
            opened = null;
        }
    }
}
