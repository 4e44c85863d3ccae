package io.mxcp.mcp.internal.auth;

import java.util.List;
import java.util.Locale;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;
import io.mxcp.sdk.auth.UserContext;

/**
 * Decides per request who calls, from the {@code Authorization: Bearer} header only (never a query parameter):
 * the authority checks the token, then the required scopes, then the claim mappings add the user's capabilities
 * (recomputed per request, so a changed mapping applies to sessions already issued).
 */
public final class BearerGate {
    private static final System.Logger LOG = System.getLogger(BearerGate.class.getName());
    private static final String SCHEME = "bearer ";
    /** Shorter parts of a token are words a message may hold for other reasons (and say nothing of the token). */
    private static final int MIN_QUOTED_PART = 8;

    /** The gate of a server without authentication: everyone is anonymous. */
    public static final BearerGate OFF = new BearerGate(AuthSettings.NONE, null);

    private final AuthSettings settings;
    private final BearerAuthority authority;

    public BearerGate(AuthSettings settings, BearerAuthority authority) {
        this.settings = settings;
        this.authority = authority;
    }

    /** The verifier-mode gate; the provider must be installed and accept its settings (so a bad config stops the start). */
    public static BearerGate verifying(AuthSettings settings, TokenVerifiers verifiers) throws AuthException {
        return new BearerGate(settings, new VerifierAuthority(settings, verifiers));
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

    /** May wait for the issuer (discovery, key set, introspection) or the token store: call it off the IO thread. */
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
            user = authority.verify(token);
        } catch (InvalidTokenException e) {
            String why = withoutToken(e.getMessage(), token);
            LOG.log(System.Logger.Level.INFO, "Bearer token refused: " + why);
            return Verdict.unauthenticated(why);
        } catch (AuthException e) {
            return unchecked(withoutToken(e.getMessage(), token), null);
        } catch (RuntimeException e) {
            // a plugin's bug: the request is refused as when its provider cannot be reached, and the log says whose
            return unchecked("the auth provider " + settings.provider() + " failed: " + e.getClass().getName() + ": "
                    + withoutToken(e.getMessage(), token), e);
        }
        if (user == null) {
            return unchecked("the auth provider " + settings.provider() + " answered no user", null);
        }
        for (String scope : settings.requiredScopes()) {
            if (!user.scopes().contains(scope)) {
                String description = "Required scope: " + scope;
                return Verdict.refused(user, 403, "insufficient_scope", description, description);
            }
        }
        return Verdict.admitted(settings.claimMappings().grantTo(user));
    }

    private static Verdict unchecked(String why, RuntimeException failure) {
        LOG.log(System.Logger.Level.WARNING, "Bearer token not checked: " + why, failure);
        return Verdict.refused(null, 503, "temporarily_unavailable", "The token cannot be checked now; try again later",
                why);
    }

    /**
     * A verifier's message with the token and each of its parts (a JWT's header, claims, signature) taken out: the
     * message goes to the server log and the audit log, where no token may be read. A verifier names the token's
     * faults, but a parser's message may quote what it could not parse.
     */
    static String withoutToken(String message, String token) {
        if (message == null) {
            return "no reason given";
        }
        String cleaned = message.replace(token, "[token]");
        for (String part : token.split("\\.")) {
            if (part.length() >= MIN_QUOTED_PART) {
                cleaned = cleaned.replace(part, "[token]");
            }
        }
        return cleaned;
    }

    /** The issuer clients get tokens from, for the protected resource metadata. */
    public String issuer() throws AuthException {
        return authority.issuer();
    }

    /** At server stop. */
    public void close() {
        if (authority != null) {
            authority.close();
        }
    }
}
