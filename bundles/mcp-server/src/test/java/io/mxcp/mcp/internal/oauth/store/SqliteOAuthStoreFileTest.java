package io.mxcp.mcp.internal.oauth.store;

import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.KEY;
import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.NOW;
import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.OTHER_KEY;
import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.client;
import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.code;
import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.fromNow;
import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.sdk.auth.UserContext;

/** The store's file: secrets at rest, the key it was written with, its permissions, files of the original MXCP. */
class SqliteOAuthStoreFileTest {

    @TempDir
    Path folder;

    @Test
    void withAKeyNoSecretIsStoredInClearAndReopeningWithItReadsThemBack() throws Exception {
        Path file = folder.resolve("oauth.db");
        TokenSession session = session("s1", "family-1");
        TokenSession rotated = session("s0", "family-0");
        TokenSession successor = session("s2", "family-0");
        OAuthClient client = client("client-a", "client-secret-SECRET");
        IssuedCode code = code("code-1", fromNow(300));
        try (SqliteOAuthStore store = SqliteOAuthStore.open(file, KEY)) {
            store.saveClient(client);
            store.saveCode(code);
            StoreFixtures.stored(store, session);
            StoreFixtures.stored(store, rotated);
            store.rotate(rotated, successor, NOW);
            List<String> secrets = new ArrayList<>();
            for (TokenSession written : List.of(session, rotated, successor)) {
                secrets.addAll(List.of(written.accessToken(), written.refreshToken(),
                        written.grant().upstreamAccessToken(), written.grant().upstreamRefreshToken()));
            }
            secrets.addAll(List.of(code.grant().upstreamAccessToken(), code.grant().upstreamRefreshToken(),
                    client.clientSecret()));

            String tables = tableText(file);
            assertTrue(tables.contains("session-s2") && tables.contains("user-code-1"), "the rows are there");
            assertNoneIn(tables, secrets);
            assertNoneIn(fileText(), secrets);
            store.close();
            String bytes = fileText();
            assertTrue(bytes.contains("session-s2") && bytes.contains("user-code-1"), "the file holds the rows");
            assertNoneIn(bytes, secrets);
        }
        try (SqliteOAuthStore reopened = SqliteOAuthStore.open(file, KEY)) {
            assertEquals(client, reopened.client("client-a"));
            assertEquals(code, reopened.code("code-1"));
            assertEquals(session, reopened.sessionByAccessToken(session.accessToken(), NOW));
            assertEquals(successor, reopened.sessionByRefreshToken(successor.refreshToken(), NOW));
            assertEquals("session-s2", reopened.rotatedOut(rotated.refreshToken()).successorSessionId());
        }
    }

    @Test
    void withoutAKeyValuesAreKeptAsTheyAre() throws Exception {
        Path file = folder.resolve("oauth.db");
        TokenSession session = session("s1", "family-1");
        try (SqliteOAuthStore store = SqliteOAuthStore.open(file, null)) {
            StoreFixtures.stored(store, session);
            store.saveClient(client("client-a", "client-secret-SECRET"));
            assertEquals(session, store.sessionByAccessToken(session.accessToken(), NOW));
            String tables = tableText(file);
            assertTrue(tables.contains(session.refreshToken()), "plaintext, for local development");
        }
        try (SqliteOAuthStore reopened = SqliteOAuthStore.open(file, null)) {
            assertEquals("client-secret-SECRET", reopened.client("client-a").clientSecret());
        }
    }

    @Test
    void anotherKeyIsRefusedNamingTheFile() throws Exception {
        Path file = folder.resolve("oauth.db");
        SqliteOAuthStore.open(file, KEY).close();
        OAuthStoreException refused =
                assertThrows(OAuthStoreException.class, () -> SqliteOAuthStore.open(file, OTHER_KEY));
        assertEquals("The token store " + file + " cannot be read with the configured auth_encryption_key",
                refused.getMessage());
    }

    @Test
    void noKeyIsRefusedForAStoreWrittenWithOne() throws Exception {
        Path file = folder.resolve("oauth.db");
        SqliteOAuthStore.open(file, KEY).close();
        OAuthStoreException refused = assertThrows(OAuthStoreException.class, () -> SqliteOAuthStore.open(file, null));
        assertEquals("The token store " + file + " holds encrypted tokens but no auth_encryption_key is configured",
                refused.getMessage());
    }

    @Test
    void aKeyIsRefusedForAStoreHoldingPlaintextTokens() throws Exception {
        Path file = folder.resolve("oauth.db");
        try (SqliteOAuthStore store = SqliteOAuthStore.open(file, null)) {
            StoreFixtures.stored(store, session("s1", "family-1"));
        }
        assertThrows(OAuthStoreException.class, () -> SqliteOAuthStore.open(file, KEY));
    }

    @Test
    void anEmptyPlaintextStoreTakesAKeyFromThenOn() throws Exception {
        Path file = folder.resolve("oauth.db");
        SqliteOAuthStore.open(file, null).close();
        SqliteOAuthStore.open(file, KEY).close();
        assertThrows(OAuthStoreException.class, () -> SqliteOAuthStore.open(file, OTHER_KEY));
    }

    @Test
    void aBadKeyFailsBeforeAnythingIsCreated() {
        Path file = folder.resolve("oauth.db");
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> SqliteOAuthStore.open(file, "not-a-key"));
        assertTrue(bad.getMessage().startsWith("Invalid Fernet key: "), bad.getMessage());
        assertFalse(bad.getMessage().contains("not-a-key"));
        assertFalse(Files.exists(file));
    }

    @Test
    void theFileIsCreatedOwnerOnlyWithItsFolders() throws Exception {
        Path file = folder.resolve("home/.mxcp/oauth.db");
        SqliteOAuthStore.open(file, KEY).close();
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
    }

    @Test
    void aFileThatIsNoDatabaseIsRefusedNamingIt() throws Exception {
        Path file = folder.resolve("oauth.db");
        Files.writeString(file, "this is not a database, just some text that is long enough to be a header".repeat(20));
        OAuthStoreException refused = assertThrows(OAuthStoreException.class, () -> SqliteOAuthStore.open(file, KEY));
        assertTrue(refused.getMessage().startsWith("Cannot open the token store " + file + ": "),
                refused.getMessage());
    }

    @Test
    void aStoreTheOriginalMxcpWroteWithAKeyStaysReadable() throws Exception {
        Path file = PythonStore.write(folder.resolve("oauth.db"));
        try (SqliteOAuthStore store = SqliteOAuthStore.open(file, PythonStore.KEY)) {
            TokenSession session = store.sessionByAccessToken("mcp_python_access_token", NOW);
            assertEquals(PythonStore.SESSION, session);
            assertEquals(PythonStore.SESSION, store.sessionByRefreshToken("mcp_refresh_python_token", NOW));
            assertEquals("python-client-secret", store.client("python-client").clientSecret());
            assertEquals(List.of("http://127.0.0.1:3000/callback"), store.client("python-client").redirectUris());

            IssuedCode code = code("code-1", fromNow(300));
            store.saveCode(code);
            assertEquals(code, store.code("code-1"), "the code table is this store's now");
            TokenSession successor = session("s2", session.family());
            store.rotate(session, successor, NOW);
            assertEquals(successor, store.liveSessionOf(PythonStore.SESSION.sessionId(), NOW));
        }
    }

    @Test
    void aStoreTheOriginalMxcpWroteIsRefusedWithAnotherKeyOrNone() throws Exception {
        Path file = PythonStore.write(folder.resolve("oauth.db"));
        assertThrows(OAuthStoreException.class, () -> SqliteOAuthStore.open(file, OTHER_KEY));
        assertThrows(OAuthStoreException.class, () -> SqliteOAuthStore.open(file, null));
        SqliteOAuthStore.open(file, PythonStore.KEY).close();
    }

    private static void assertNoneIn(String text, List<String> secrets) {
        for (String secret : secrets) {
            assertFalse(text.contains(secret), () -> "in clear: " + secret);
        }
    }

    /** Every file in the folder (the database and, while open, its WAL), as Latin-1 so any byte matches. */
    private String fileText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path path : files.toList()) {
                text.append(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    /** {@code SELECT *} of every table, each value on its own line. */
    private static String tableText(Path file) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement sql = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = sql.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            assertTrue(tables.containsAll(
                    List.of("meta", "oauth_clients", "states", "auth_codes", "sessions", "rotated_refresh_tokens")));
            for (String table : tables) {
                try (ResultSet rows = sql.executeQuery("SELECT * FROM " + table)) {
                    while (rows.next()) {
                        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                            text.append(rows.getString(column)).append('\n');
                        }
                    }
                }
            }
        }
        return text.toString();
    }

    /**
     * A store as the original MXCP lays it out (spec 03 §1.8), holding one session and one client whose secrets
     * python3 with cryptography 48 encrypted: {@code Fernet(KEY).encrypt(value.encode())}.
     */
    private static final class PythonStore {

        static final String KEY = "0AikepgqzRMpkXsgeJZuQJxV3Aw-eoPRqO5ib9pJhl8=";
        static final UserContext USER = new UserContext("42", "octo", null, "Octo Cat", null, "github",
                List.of("repo"), "gho_python_upstream", Map.of("login", "octo"), List.of());
        static final TokenSession SESSION = new TokenSession("python-session", "python-session", null,
                "mcp_python_access_token", "mcp_refresh_python_token", null,
                new UpstreamGrant(USER, "gho_python_upstream", "ghr_python_upstream_refresh", null, List.of()),
                NOW.plusSeconds(3600), NOW.plusSeconds(86_400), NOW.minusSeconds(60));

        private static final List<String> LAYOUT = List.of("""
                CREATE TABLE states (state TEXT PRIMARY KEY, client_id TEXT, redirect_uri TEXT,
                    code_challenge TEXT, code_challenge_method TEXT, provider_code_verifier TEXT, client_state TEXT,
                    provider_scopes_requested TEXT NOT NULL, expires_at REAL NOT NULL, created_at REAL NOT NULL)""",
                """
                CREATE TABLE auth_codes (code TEXT PRIMARY KEY, session_id TEXT NOT NULL, client_id TEXT,
                    redirect_uri TEXT, code_challenge TEXT, code_challenge_method TEXT, mxcp_scopes TEXT NOT NULL,
                    expires_at REAL, created_at REAL)""", """
                CREATE TABLE sessions (access_token_hash TEXT PRIMARY KEY, access_token_encrypted TEXT NOT NULL,
                    refresh_token_hash TEXT, refresh_token_encrypted TEXT, session_id TEXT UNIQUE NOT NULL,
                    provider TEXT NOT NULL, user_info TEXT, provider_access_token TEXT, provider_refresh_token TEXT,
                    provider_expires_at REAL, access_expires_at REAL, refresh_expires_at REAL, created_at REAL)""",
                """
                CREATE TABLE oauth_clients (client_id TEXT PRIMARY KEY, client_secret TEXT,
                    token_endpoint_auth_method TEXT, redirect_uris TEXT, grant_types TEXT, response_types TEXT,
                    scope TEXT, client_name TEXT, created_at REAL)""");

        static Path write(Path file) throws SQLException {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement sql = connection.createStatement()) {
                for (String table : LAYOUT) {
                    sql.execute(table);
                }
                // hashes: python3 -c "import hashlib; print(hashlib.sha256(b'<token>').hexdigest())"
                sql.execute("INSERT INTO sessions VALUES ("
                        + "'03d4b9fe687b87fc941f1ae0b93ecf05179e556257dfe4726d90dca5a28f4477', "
                        + "'gAAAAABrCGPMUsbtykDdNnZPntqNj3iVXhTvciR6eE1_nFhJlTT1893ZecaOsqPWEGvyJ1o1RyAfClhSn9emZNpWQB"
                        + "ScCUPqa5BFtiyEG9quMfmfm6EFsgo=', "
                        + "'03a9d4553423d67425d839ea2c813836dc72996e0823946f93878ce3b42089f1', "
                        + "'gAAAAABrCGPMF52fbWuP_csBVgJ6Q9925Q1qAhr74n_XEBL7QeoxfPeKhX3MJFAyZBaB-4fhse9AoEQwk3LzedfzHl"
                        + "3X4Riv0oCk7WZjJA0ZqtUJwBPT4C4=', "
                        + "'python-session', 'github', "
                        + "'{\"provider\":\"github\",\"user_id\":\"42\",\"username\":\"octo\",\"email\":null,"
                        + "\"name\":\"Octo Cat\",\"avatar_url\":null,\"raw_profile\":{\"login\":\"octo\"},"
                        + "\"provider_scopes_granted\":[\"repo\"],\"mxcp_scopes\":null}', "
                        + "'gAAAAABrCGPMdEMGt1eDOkIdEPTxTMi9fbom0ly8oZ0VJHHymeusOvoOmZtIOHJR8ZYlR0q-QoEZ8gWg56VpCqxBxI"
                        + "iJlvX9C-QOXUQrLZnOLU3yCWXFiyU=', "
                        + "'gAAAAABrCGPMkywGg2oMxu8TzFwLkC1qiUCRn9M3y92wl-cmPF8SrkCm4ALsovsDLjRdZ7Vo2g-nax5s_xqVM6Tt"
                        + "lZwBUux6OV1Iz-lXZNyUeahTwCF7TxE=', "
                        + "NULL, " + seconds(SESSION.accessExpiresAt().toEpochMilli()) + ", "
                        + seconds(SESSION.refreshExpiresAt().toEpochMilli()) + ", "
                        + seconds(SESSION.createdAt().toEpochMilli()) + ")");
                sql.execute("INSERT INTO oauth_clients VALUES ('python-client', "
                        + "'gAAAAABrCGPMWd_uAgM6AhDRKXC2pXtSDI8gKDl3dTcFNQudOMSeVnEtfG7P_Zxpz-q5UwbUQjQpMFucqWTnSdNOzY"
                        + "ZY_AVfDz3R9N_Jb49FpZUYy_Eq708=', 'client_secret_post', "
                        + "'[\"http://127.0.0.1:3000/callback\"]', '[\"authorization_code\",\"refresh_token\"]', "
                        + "'[\"code\"]', NULL, 'Python client', 1767225600.25)");
                sql.execute("INSERT INTO auth_codes VALUES ('python-code', 'python-session', 'python-client', "
                        + "'http://127.0.0.1:3000/callback', 'challenge', 'S256', '[]', 1767225900.0, 1767225600.0)");
            }
            return file;
        }

        private static String seconds(long epochMillis) {
            return Double.toString(epochMillis / 1000.0);
        }
    }
}
