package io.mxcp.mcp.internal.oauth.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The store's tables: the spec's layout (spec 03 §1.8, the original MXCP's) with what refresh-token families,
 * client binding and RFC 8707 resources need on top. A file written by the original MXCP is brought up to it:
 * missing columns are added, and its {@code auth_codes} table, whose codes point at sessions where these carry
 * their grant, is replaced (codes live minutes).
 */
final class StoreSchema {

    private static final List<String> TABLES = List.of("""
            CREATE TABLE IF NOT EXISTS meta (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL)""", """
            CREATE TABLE IF NOT EXISTS oauth_clients (
                client_id TEXT PRIMARY KEY,
                client_secret TEXT,
                token_endpoint_auth_method TEXT NOT NULL,
                redirect_uris TEXT NOT NULL,
                grant_types TEXT NOT NULL,
                response_types TEXT NOT NULL,
                scope TEXT,
                client_name TEXT,
                created_at REAL NOT NULL,
                configured INTEGER NOT NULL DEFAULT 0)""", """
            CREATE TABLE IF NOT EXISTS states (
                state TEXT PRIMARY KEY,
                client_id TEXT,
                redirect_uri TEXT,
                code_challenge TEXT,
                code_challenge_method TEXT,
                provider_code_verifier TEXT,
                client_state TEXT,
                provider_scopes_requested TEXT NOT NULL,
                resource TEXT,
                browser_binding TEXT,
                expires_at REAL NOT NULL,
                created_at REAL NOT NULL)""", """
            CREATE TABLE IF NOT EXISTS auth_codes (
                code TEXT PRIMARY KEY,
                client_id TEXT NOT NULL,
                redirect_uri TEXT NOT NULL,
                code_challenge TEXT NOT NULL,
                code_challenge_method TEXT NOT NULL,
                resource TEXT,
                provider TEXT NOT NULL,
                user_info TEXT NOT NULL,
                provider_access_token TEXT,
                provider_refresh_token TEXT,
                provider_expires_at REAL,
                upstream_scopes TEXT,
                redeemed_by TEXT,
                expires_at REAL NOT NULL,
                created_at REAL NOT NULL)""", """
            CREATE TABLE IF NOT EXISTS sessions (
                access_token_hash TEXT PRIMARY KEY,
                access_token_encrypted TEXT NOT NULL,
                refresh_token_hash TEXT,
                refresh_token_encrypted TEXT,
                session_id TEXT NOT NULL UNIQUE,
                family TEXT,
                client_id TEXT,
                resource TEXT,
                provider TEXT NOT NULL,
                user_info TEXT NOT NULL,
                provider_access_token TEXT,
                provider_refresh_token TEXT,
                provider_expires_at REAL,
                upstream_scopes TEXT,
                access_expires_at REAL,
                refresh_expires_at REAL,
                created_at REAL NOT NULL)""", """
            CREATE TABLE IF NOT EXISTS rotated_refresh_tokens (
                refresh_token_hash TEXT PRIMARY KEY,
                family TEXT NOT NULL,
                client_id TEXT,
                successor_session_id TEXT NOT NULL,
                rotated_at REAL NOT NULL)""");

    /** Columns beyond the spec's layout, added to the tables of a file the original MXCP wrote. */
    private static final Map<String, List<String>> ADDED_COLUMNS = Map.of(
            "oauth_clients", List.of("configured INTEGER NOT NULL DEFAULT 0"),
            "states", List.of("resource TEXT", "browser_binding TEXT"),
            "sessions", List.of("family TEXT", "client_id TEXT", "resource TEXT", "upstream_scopes TEXT"));

    private static final List<String> INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS sessions_refresh_token_hash ON sessions (refresh_token_hash)",
            "CREATE INDEX IF NOT EXISTS sessions_family ON sessions (family)");

    private StoreSchema() {
    }

    /** Creates what is missing; run in the caller's transaction. */
    static void apply(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            Set<String> codeColumns = columns(connection, "auth_codes");
            if (!codeColumns.isEmpty() && !codeColumns.contains("redeemed_by")) {
                sql.execute("DROP TABLE auth_codes");
            }
            for (String table : TABLES) {
                sql.execute(table);
            }
            for (Map.Entry<String, List<String>> table : ADDED_COLUMNS.entrySet()) {
                Set<String> present = columns(connection, table.getKey());
                for (String column : table.getValue()) {
                    if (!present.contains(column.substring(0, column.indexOf(' ')))) {
                        sql.execute("ALTER TABLE " + table.getKey() + " ADD COLUMN " + column);
                    }
                }
            }
            for (String index : INDEXES) {
                sql.execute(index);
            }
            // a session of the original MXCP starts its own family
            sql.execute("UPDATE sessions SET family = session_id WHERE family IS NULL");
        }
    }

    private static Set<String> columns(Connection connection, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                names.add(rows.getString("name"));
            }
        }
        return names;
    }
}
