package io.mxcp.mcp.internal.oauth.store;

import java.security.GeneralSecurityException;

/**
 * How the store writes its secret columns (MXCP access and refresh tokens, upstream tokens, client secrets): as
 * Fernet tokens when {@code auth_encryption_key} is set, as the values themselves otherwise (spec 03 §1.8).
 */
final class SecretColumns {

    private final Fernet fernet;

    private SecretColumns(Fernet fernet) {
        this.fernet = fernet;
    }

    /** Secrets encrypted with this key; a bad key fails here ({@code Invalid Fernet key: …}). */
    static SecretColumns encryptedWith(String key) {
        return new SecretColumns(new Fernet(key));
    }

    /** Secrets kept in clear: for local development only. */
    static SecretColumns plaintext() {
        return new SecretColumns(null);
    }

    boolean encrypted() {
        return fernet != null;
    }

    /** The column value of a secret; null stays null. */
    String seal(String secret) {
        return secret == null || fernet == null ? secret : fernet.encrypt(secret);
    }

    /**
     * The secret of a column value; null stays null.
     *
     * @throws UnreadableRowException {@code Failed to decrypt stored token}
     */
    String unseal(String stored) throws UnreadableRowException {
        if (stored == null || fernet == null) {
            return stored;
        }
        try {
            return fernet.decrypt(stored);
        } catch (GeneralSecurityException e) {
            throw new UnreadableRowException(e.getMessage());
        }
    }

    /**
     * Whether a stored secret was written the way this store writes: decryptable with the key, or, without a key,
     * not a Fernet token.
     */
    boolean canRead(String stored) {
        if (fernet == null) {
            return !Fernet.looksLikeToken(stored);
        }
        try {
            unseal(stored);
            return true;
        } catch (UnreadableRowException e) {
            return false;
        }
    }
}
