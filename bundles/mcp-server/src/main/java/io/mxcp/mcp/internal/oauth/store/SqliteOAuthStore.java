package io.mxcp.mcp.internal.oauth.store;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import io.mxcp.mcp.internal.Sha256;

/**
 * The token store in a SQLite file (spec 03 §1.8). One connection, and every call holds the store's lock, so each
 * is atomic within the server; statements that must also hold across servers sharing the file (code redemption,
 * taking a state, rotation) are written to check what they changed. Tokens are found by their SHA-256 only; the
 * secrets themselves go through {@link SecretColumns}. A row that cannot be decoded or decrypted reads as absent.
 * States and codes expire by the system clock (their methods take no time); sessions by the time given.
 */
public final class SqliteOAuthStore implements OAuthStore {

    private static final System.Logger LOG = System.getLogger(SqliteOAuthStore.class.getName());
    private static final Set<String> AUTH_METHODS = Set.of("client_secret_post", "client_secret_basic", "none");
    /** The only response type the authorization server serves (written for the original MXCP's layout). */
    private static final String RESPONSE_TYPES = StoreJson.list(List.of("code"));
    /** Every challenge the server accepts is S256 (plain is refused at /authorize). */
    private static final String CHALLENGE_METHOD = "S256";

    private final Path file;
    private final Connection connection;
    private final SecretColumns secrets;
    private final GrantColumns grants;

    private SqliteOAuthStore(Path file, Connection connection, SecretColumns secrets) {
        this.file = file;
        this.connection = connection;
        this.secrets = secrets;
        this.grants = new GrantColumns(secrets);
    }

    /**
     * Opens (creating it 0600, with its folders, when absent) the store in a file.
     *
     * @param file                the file, {@code ~} already expanded
     * @param encryptionKeyOrNull the {@code auth_encryption_key}, or null to keep secrets in plaintext
     * @throws IllegalArgumentException {@code Invalid Fernet key: …}
     * @throws OAuthStoreException      the file cannot be created or opened, or it was written with another key
     */
    public static SqliteOAuthStore open(Path file, String encryptionKeyOrNull) throws OAuthStoreException {
        SecretColumns secrets = encryptionKeyOrNull == null ? SecretColumns.plaintext()
                : SecretColumns.encryptedWith(encryptionKeyOrNull);
        createPrivately(file);
        Connection connection;
        try {
            connection = connect(file);
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
        try {
            inTransaction(connection, () -> {
                StoreSchema.apply(connection);
                KeyCheck.verify(connection, secrets, file);
                return null;
            });
        } catch (SQLException e) {
            closeQuietly(connection, file);
            throw cannotOpen(file, e);
        } catch (OAuthStoreException e) {
            closeQuietly(connection, file);
            throw e;
        }
        if (!secrets.encrypted()) {
            LOG.log(System.Logger.Level.WARNING, "The token store {0} keeps tokens and client secrets in plaintext "
                    + "(no auth_encryption_key): for local development only", file);
        }
        return new SqliteOAuthStore(file, connection, secrets);
    }

    @Override
    public void saveClient(OAuthClient client) throws OAuthStoreException {
        run("save a client", () -> upsertClient(client, false));
    }

    @Override
    public void configureClients(List<OAuthClient> clients) throws OAuthStoreException {
        run("save the configured clients", () -> inTransaction(connection, () -> {
            List<String> listed = clients.stream().map(OAuthClient::clientId).toList();
            List<String> dropped = new ArrayList<>();
            try (PreparedStatement select = prepare("SELECT client_id FROM oauth_clients WHERE configured = 1");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (!listed.contains(row.getString("client_id"))) {
                        dropped.add(row.getString("client_id"));
                    }
                }
            }
            for (String clientId : dropped) {
                update("DELETE FROM sessions WHERE client_id = ?", clientId);
                update("DELETE FROM auth_codes WHERE client_id = ?", clientId);
                update("DELETE FROM oauth_clients WHERE client_id = ?", clientId);
            }
            for (OAuthClient client : clients) {
                upsertClient(client, true);
            }
            return null;
        }));
    }

    private int upsertClient(OAuthClient client, boolean configured) throws SQLException {
        return update("""
                INSERT OR REPLACE INTO oauth_clients (client_id, client_secret, token_endpoint_auth_method,
                    redirect_uris, grant_types, response_types, scope, client_name, created_at, configured)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", client.clientId(), secrets.seal(client.clientSecret()),
                client.authMethod(), StoreJson.list(client.redirectUris()), StoreJson.list(client.grantTypes()),
                RESPONSE_TYPES, client.scope(), client.clientName(), EpochSeconds.of(client.issuedAt()),
                configured ? 1 : 0);
    }

    @Override
    public OAuthClient client(String clientId) throws OAuthStoreException {
        return run("read a client", () -> {
            try (PreparedStatement select = prepare("SELECT * FROM oauth_clients WHERE client_id = ?", clientId);
                    ResultSet row = select.executeQuery()) {
                return row.next() ? readable("oauth_clients", () -> clientOf(row)) : null;
            }
        });
    }

    @Override
    public void savePending(PendingAuthorization pending) throws OAuthStoreException {
        run("save a pending authorization", () -> update("""
                INSERT OR REPLACE INTO states (state, client_id, redirect_uri, code_challenge, code_challenge_method,
                    provider_code_verifier, client_state, provider_scopes_requested, resource, browser_binding,
                    expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?)""", pending.state(), pending.clientId(),
                pending.redirectUri(), pending.codeChallenge(), CHALLENGE_METHOD, pending.upstreamCodeVerifier(),
                pending.clientState(), pending.resource(), pending.browserBinding(),
                EpochSeconds.of(pending.expiresAt()), EpochSeconds.of(Instant.now())));
    }

    @Override
    public PendingAuthorization takePending(String state) throws OAuthStoreException {
        return run("take a pending authorization", () -> {
            PendingAuthorization pending;
            try (PreparedStatement select = prepare("SELECT * FROM states WHERE state = ?", state);
                    ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                pending = new PendingAuthorization(row.getString("state"), row.getString("client_id"),
                        row.getString("redirect_uri"), row.getString("code_challenge"),
                        row.getString("client_state"), row.getString("resource"),
                        row.getString("provider_code_verifier"), EpochSeconds.read(row, "expires_at"),
                        row.getString("browser_binding"));
            }
            // another server sharing the file may have taken it between the two statements
            boolean taken = update("DELETE FROM states WHERE state = ?", state) == 1;
            return taken && Instant.now().isBefore(pending.expiresAt()) ? pending : null;
        });
    }

    @Override
    public void saveCode(IssuedCode code) throws OAuthStoreException {
        run("save a code", () -> update("INSERT INTO auth_codes (code, client_id, redirect_uri, code_challenge, "
                + "code_challenge_method, resource, redeemed_by, expires_at, created_at, " + GrantColumns.NAMES
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + GrantColumns.PLACEHOLDERS + ")",
                withGrant(grants.values(code.grant()), code.code(), code.clientId(), code.redirectUri(),
                        code.codeChallenge(), CHALLENGE_METHOD, code.resource(), code.redeemedBy(),
                        EpochSeconds.of(code.expiresAt()), EpochSeconds.of(Instant.now()))));
    }

    @Override
    public IssuedCode code(String code) throws OAuthStoreException {
        return run("read a code", () -> {
            IssuedCode issued;
            try (PreparedStatement select = prepare("SELECT * FROM auth_codes WHERE code = ?", code);
                    ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Instant expiresAt = EpochSeconds.read(row, "expires_at");
                if (Instant.now().isBefore(expiresAt)) {
                    return readable("auth_codes", () -> new IssuedCode(row.getString("code"),
                            row.getString("client_id"), row.getString("redirect_uri"),
                            row.getString("code_challenge"), row.getString("resource"), grants.read(row), expiresAt,
                            row.getString("redeemed_by")));
                }
            }
            update("DELETE FROM auth_codes WHERE code = ?", code);
            return null;
        });
    }

    @Override
    public boolean redeemCode(String code, TokenSession session) throws OAuthStoreException {
        return run("redeem a code", () -> inTransaction(connection, () -> {
            if (update("UPDATE auth_codes SET redeemed_by = ? WHERE code = ? AND redeemed_by IS NULL",
                    session.family(), code) != 1) {
                return false;
            }
            insertSession(session);
            return true;
        }));
    }

    @Override
    public TokenSession sessionByAccessToken(String accessToken, Instant now) throws OAuthStoreException {
        return run("find a session", () -> sessionBy(TokenKind.ACCESS, accessToken, now));
    }

    @Override
    public TokenSession sessionOfExpiredAccessToken(String accessToken, Instant now) throws OAuthStoreException {
        return run("find a session", () -> {
            try (PreparedStatement select = prepare("SELECT * FROM sessions WHERE access_token_hash = ?",
                    Sha256.hex(accessToken)); ResultSet row = select.executeQuery()) {
                return row.next() && !Lifetime.of(row).accessAlive(now) ? readable("sessions", () -> sessionOf(row))
                        : null;
            }
        });
    }

    @Override
    public TokenSession sessionByRefreshToken(String refreshToken, Instant now) throws OAuthStoreException {
        return run("find a session", () -> sessionBy(TokenKind.REFRESH, refreshToken, now));
    }

    @Override
    public boolean rotate(TokenSession old, TokenSession successor, Instant now) throws OAuthStoreException {
        return run("rotate a session", () -> inTransaction(connection, () -> {
            if (update("DELETE FROM sessions WHERE session_id = ?", old.sessionId()) == 0) {
                return false;
            }
            insertSession(successor);
            if (old.refreshToken() != null) {
                update("""
                        INSERT OR REPLACE INTO rotated_refresh_tokens (refresh_token_hash, family, client_id,
                            successor_session_id, rotated_at)
                        VALUES (?, ?, ?, ?, ?)""", Sha256.hex(old.refreshToken()), old.family(), old.clientId(),
                        successor.sessionId(), EpochSeconds.of(now));
            }
            return true;
        }));
    }

    @Override
    public RotatedToken rotatedOut(String refreshToken) throws OAuthStoreException {
        return run("read a rotated refresh token", () -> {
            try (PreparedStatement select = prepare("SELECT * FROM rotated_refresh_tokens WHERE refresh_token_hash = ?",
                    Sha256.hex(refreshToken)); ResultSet row = select.executeQuery()) {
                return row.next() ? new RotatedToken(row.getString("family"), row.getString("client_id"),
                        row.getString("successor_session_id"), EpochSeconds.read(row, "rotated_at")) : null;
            }
        });
    }

    @Override
    public TokenSession liveSessionOf(String family, Instant now) throws OAuthStoreException {
        return run("find a family's session", () -> {
            try (PreparedStatement select =
                    prepare("SELECT * FROM sessions WHERE family = ? ORDER BY created_at DESC", family);
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (!Lifetime.of(row).over(now)) {
                        return readable("sessions", () -> sessionOf(row));
                    }
                }
                return null;
            }
        });
    }

    @Override
    public void revokeFamily(String family) throws OAuthStoreException {
        run("revoke a family", () -> update("DELETE FROM sessions WHERE family = ?", family));
    }

    @Override
    public boolean revoke(String token, String clientId) throws OAuthStoreException {
        return run("revoke a token", () -> {
            String hash = Sha256.hex(token);
            String sessionId;
            String owner;
            try (PreparedStatement select = prepare("SELECT session_id, client_id FROM sessions "
                    + "WHERE access_token_hash = ? OR refresh_token_hash = ?", hash, hash);
                    ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                sessionId = row.getString("session_id");
                owner = row.getString("client_id");
            }
            return clientId.equals(owner) && update("DELETE FROM sessions WHERE session_id = ?", sessionId) == 1;
        });
    }

    @Override
    public int purgeExpired(Instant now) throws OAuthStoreException {
        Double time = EpochSeconds.of(now);
        return run("purge expired entries", () -> inTransaction(connection, () -> update(
                "DELETE FROM states WHERE expires_at <= ?", time)
                + update("DELETE FROM auth_codes WHERE expires_at <= ?", time)
                + update("DELETE FROM sessions WHERE access_expires_at <= ? "
                        + "AND (refresh_token_hash IS NULL OR refresh_expires_at <= ?)", time, time)
                // a rotated-out token only matters while its family has a session to revoke
                + update("DELETE FROM rotated_refresh_tokens WHERE NOT EXISTS "
                        + "(SELECT 1 FROM sessions WHERE sessions.family = rotated_refresh_tokens.family)")));
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection, file);
    }

    /** The session a token leads to, when that token is still good; a session entirely over is removed. */
    private TokenSession sessionBy(TokenKind kind, String token, Instant now) throws SQLException {
        String sessionId;
        boolean over;
        TokenSession session = null;
        try (PreparedStatement select = prepare("SELECT * FROM sessions WHERE " + kind.hashColumn + " = ?",
                Sha256.hex(token)); ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            Lifetime lifetime = Lifetime.of(row);
            sessionId = row.getString("session_id");
            over = lifetime.over(now);
            if (kind == TokenKind.ACCESS ? lifetime.accessAlive(now) : lifetime.refreshAlive(now)) {
                session = readable("sessions", () -> sessionOf(row));
            }
        }
        if (over) {
            update("DELETE FROM sessions WHERE session_id = ?", sessionId);
        }
        return session;
    }

    private int insertSession(TokenSession session) throws SQLException {
        String refreshToken = session.refreshToken();
        return update("INSERT INTO sessions (access_token_hash, access_token_encrypted, refresh_token_hash, "
                + "refresh_token_encrypted, session_id, family, client_id, resource, access_expires_at, "
                + "refresh_expires_at, created_at, " + GrantColumns.NAMES + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + GrantColumns.PLACEHOLDERS + ")",
                withGrant(grants.values(session.grant()), Sha256.hex(session.accessToken()),
                        secrets.seal(session.accessToken()), refreshToken == null ? null : Sha256.hex(refreshToken),
                        secrets.seal(refreshToken), session.sessionId(), session.family(), session.clientId(),
                        session.resource(), EpochSeconds.of(session.accessExpiresAt()),
                        EpochSeconds.of(session.refreshExpiresAt()), EpochSeconds.of(session.createdAt())));
    }

    private TokenSession sessionOf(ResultSet row) throws SQLException, UnreadableRowException {
        return new TokenSession(row.getString("session_id"), row.getString("family"), row.getString("client_id"),
                secrets.unseal(row.getString("access_token_encrypted")),
                secrets.unseal(row.getString("refresh_token_encrypted")), row.getString("resource"),
                grants.read(row), EpochSeconds.read(row, "access_expires_at"),
                EpochSeconds.read(row, "refresh_expires_at"), EpochSeconds.read(row, "created_at"));
    }

    /** A client row; one this server could not have written (unknown method, bad URI) is unreadable. */
    private OAuthClient clientOf(ResultSet row) throws SQLException, UnreadableRowException {
        String authMethod = row.getString("token_endpoint_auth_method");
        if (!AUTH_METHODS.contains(authMethod)) {
            throw new UnreadableRowException("unknown token_endpoint_auth_method");
        }
        List<String> redirectUris = StoreJson.list(row.getString("redirect_uris"), "redirect_uris");
        for (String uri : redirectUris) {
            if (!isAbsoluteUri(uri)) {
                throw new UnreadableRowException("redirect_uris holds a value that is not an absolute URI");
            }
        }
        Instant issuedAt = EpochSeconds.read(row, "created_at");
        if (issuedAt == null) {
            throw new UnreadableRowException("created_at is missing");
        }
        return new OAuthClient(row.getString("client_id"), secrets.unseal(row.getString("client_secret")),
                authMethod, redirectUris, StoreJson.list(row.getString("grant_types"), "grant_types"),
                row.getString("scope"), row.getString("client_name"), issuedAt);
    }

    private static boolean isAbsoluteUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The entry a row decodes to, or null (logged) when it cannot be decoded: fail closed. */
    private <T> T readable(String table, RowReader<T> reader) throws SQLException {
        try {
            return reader.read();
        } catch (UnreadableRowException e) {
            LOG.log(System.Logger.Level.WARNING, "Token store {0}: an unreadable {1} row is ignored ({2})", file,
                    table, e.getMessage());
            return null;
        }
    }

    /** Runs a piece of work under the store's lock, naming the file when SQLite fails. */
    private synchronized <T> T run(String action, SqlWork<T> work) throws OAuthStoreException {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new OAuthStoreException("Token store " + file + ": cannot " + action + ": " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(sql, args)) {
            return statement.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** The arguments of an INSERT whose columns end with the grant's. */
    private static Object[] withGrant(List<Object> grantValues, Object... first) {
        return Stream.concat(Stream.of(first), grantValues.stream()).toArray();
    }

    private static <T> T inTransaction(Connection connection, SqlWork<T> work)
            throws SQLException, OAuthStoreException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | OAuthStoreException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }


    /** Creates the file owner-only before SQLite does (SQLite would leave it to the umask); an existing one stays. */
    private static void createPrivately(Path file) throws OAuthStoreException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // opened as it is
        } catch (IOException e) {
            throw new OAuthStoreException("Cannot create the token store " + file + ": " + e.getMessage(), e);
        }
    }

    /** A connection of its own driver instance: in OSGi the JDBC service loader does not see the driver. */
    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(5_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return source.getConnection();
    }

    private static OAuthStoreException cannotOpen(Path file, SQLException e) {
        return new OAuthStoreException("Cannot open the token store " + file + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection connection, Path file) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Token store {0}: closing failed: {1}", file, e.getMessage());
        }
    }

    /** Which token of a session a lookup goes by. */
    private enum TokenKind {
        ACCESS("access_token_hash"), REFRESH("refresh_token_hash");

        final String hashColumn;

        TokenKind(String hashColumn) {
            this.hashColumn = hashColumn;
        }
    }

    /**
     * When a session's tokens stop working: a null access expiry (rows of the original MXCP) or refresh expiry
     * means never.
     */
    private record Lifetime(Instant accessExpiresAt, boolean hasRefresh, Instant refreshExpiresAt) {

        static Lifetime of(ResultSet row) throws SQLException {
            return new Lifetime(EpochSeconds.read(row, "access_expires_at"),
                    row.getString("refresh_token_hash") != null, EpochSeconds.read(row, "refresh_expires_at"));
        }

        boolean accessAlive(Instant now) {
            return accessExpiresAt == null || now.isBefore(accessExpiresAt);
        }

        boolean refreshAlive(Instant now) {
            return hasRefresh && (refreshExpiresAt == null || now.isBefore(refreshExpiresAt));
        }

        /** Neither token works any more: the session can go. */
        boolean over(Instant now) {
            return !accessAlive(now) && !refreshAlive(now);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException, OAuthStoreException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read() throws SQLException, UnreadableRowException;
    }
}
