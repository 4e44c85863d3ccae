package io.mxcp.mcp.internal.oauth.store;

import java.time.Instant;
import java.util.List;

/**
 * Where issuer mode keeps its clients, pending authorizations, codes and token sessions (spec 03 §1.8). Expiry is
 * enforced on read: an expired entry is reported absent (and removed). Thread-safe; every method is atomic.
 */
public interface OAuthStore extends AutoCloseable {

    /** Inserts or replaces a dynamically registered client. */
    void saveClient(OAuthClient client) throws OAuthStoreException;

    /**
     * Makes the clients of {@code auth.clients} exactly these, at every start: each is inserted or replaced, and a
     * configured client no longer listed is deleted with its codes and tokens (an operator removes a client by
     * removing it from the config).
     */
    void configureClients(List<OAuthClient> clients) throws OAuthStoreException;

    /** The client, or null when unknown (or its stored row cannot be read: fail closed). */
    OAuthClient client(String clientId) throws OAuthStoreException;

    void savePending(PendingAuthorization pending) throws OAuthStoreException;

    /** Takes the pending authorization of a state: removed by the first read; null when unknown or expired. */
    PendingAuthorization takePending(String state) throws OAuthStoreException;

    void saveCode(IssuedCode code) throws OAuthStoreException;

    /** The code as issued (used or not), or null when unknown or expired. Reading does not consume it. */
    IssuedCode code(String code) throws OAuthStoreException;

    /**
     * Marks the code redeemed by the session's family and stores the session, in one transaction: a concurrent
     * replay either loses the redemption or finds the family to revoke, never a session that appears later.
     *
     * @return false when it was redeemed already (another request won); nothing is stored then
     */
    boolean redeemCode(String code, TokenSession session) throws OAuthStoreException;

    /** The session of an access token, or null when unknown, revoked or its access token expired. */
    TokenSession sessionByAccessToken(String accessToken, Instant now) throws OAuthStoreException;

    /**
     * The session of an access token that expired while its session lives on (its refresh token still works), or
     * null: so a refusal can tell a routine expiry from a token the store does not know.
     */
    TokenSession sessionOfExpiredAccessToken(String accessToken, Instant now) throws OAuthStoreException;

    /** The session of a refresh token, or null when unknown, revoked or the refresh token expired. */
    TokenSession sessionByRefreshToken(String refreshToken, Instant now) throws OAuthStoreException;

    /**
     * Replaces a session by its successor (a refresh), in one transaction: the old one's tokens stop working, and its
     * refresh token is remembered as rotated out (for {@link #rotatedOut}).
     *
     * @return false when the old session is no longer stored (a concurrent refresh rotated it, or it was revoked):
     *         nothing is stored then, so one refresh token never has two successors
     */
    boolean rotate(TokenSession old, TokenSession successor, Instant now) throws OAuthStoreException;

    /**
     * A refresh token that was rotated out: its family, the session that replaced it and when; null when the token
     * was never rotated out.
     */
    RotatedToken rotatedOut(String refreshToken) throws OAuthStoreException;

    /** The live session of a family (the newest), or null. */
    TokenSession liveSessionOf(String family, Instant now) throws OAuthStoreException;

    /** Revokes every session of a family (code reuse, refresh token reuse). */
    void revokeFamily(String family) throws OAuthStoreException;

    /**
     * Revokes the session an access or refresh token belongs to (RFC 7009); false when the token is unknown.
     *
     * @param clientId only a session of this client is revoked
     */
    boolean revoke(String token, String clientId) throws OAuthStoreException;

    /** Removes expired pending authorizations, codes and sessions; returns how many entries went. */
    int purgeExpired(Instant now) throws OAuthStoreException;

    @Override
    void close();

    /** A refresh token that was rotated out of a session. */
    record RotatedToken(String family, String clientId, String successorSessionId, Instant rotatedAt) {
    }
}
