package io.mxcp.mcp.internal.oauth.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Refuses to open a store with the wrong key, rather than failing on every row later. A store written with a key
 * keeps a check value sealed with it in {@code meta} (so even an empty store knows); a file without one (the
 * original MXCP's) is judged by a sample of its secrets.
 */
final class KeyCheck {

    private static final String ROW = "key_check";
    private static final String VALUE = "mxcp-oauth-store";
    private static final List<String> SAMPLES = List.of(
            "SELECT value FROM meta WHERE name = '" + ROW + "'",
            "SELECT access_token_encrypted FROM sessions LIMIT 1",
            "SELECT client_secret FROM oauth_clients WHERE client_secret IS NOT NULL LIMIT 1");

    private KeyCheck() {
    }

    /** Run in the caller's transaction, after {@link StoreSchema#apply}. */
    static void verify(Connection connection, SecretColumns secrets, Path file)
            throws SQLException, OAuthStoreException {
        String sample = sample(connection);
        if (sample != null && !secrets.canRead(sample)) {
            throw new OAuthStoreException(secrets.encrypted()
                    ? "The token store " + file + " cannot be read with the configured auth_encryption_key"
                    : "The token store " + file + " holds encrypted tokens but no auth_encryption_key is configured");
        }
        if (secrets.encrypted()) {
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)")) {
                insert.setString(1, ROW);
                insert.setString(2, secrets.seal(VALUE));
                insert.executeUpdate();
            }
        }
    }

    /** The check value, else a stored secret, else null (nothing to judge by). */
    private static String sample(Connection connection) throws SQLException {
        for (String query : SAMPLES) {
            try (PreparedStatement select = connection.prepareStatement(query);
                    ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return row.getString(1);
                }
            }
        }
        return null;
    }
}
