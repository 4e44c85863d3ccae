package io.mxcp.executor.sql.runtime;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.mxcp.kernel.api.ConnectionValues;
import io.mxcp.sdk.exec.ProjectRuntime;

/**
 * Prepares a new pooled connection in the order of spec 01 §4.4: extensions (a failure is fatal), secrets
 * (those the shared instance does not have yet; failures ignored), then the built-in functions.
 */
final class ConnectionInitializer {

    private static final Logger LOG = System.getLogger(ConnectionInitializer.class.getName());

    private final List<Map<String, String>> extensions;
    private final List<Map<String, Object>> secrets;
    private final Set<Object> attempted = ConcurrentHashMap.newKeySet();

    ConnectionInitializer(ProjectRuntime project) {
        this.extensions = List.copyOf(project.extensions());
        this.secrets = List.copyOf(project.secrets());
    }

    void initialize(Connection connection, ConnectionValues values) throws SQLException {
        for (Map<String, String> extension : extensions) {
            String name = canonicalName(connection, extension.get("name"));
            String repo = extension.get("repo");
            try {
                if (!installed(connection, name)) {
                    execute(connection, repo == null || repo.isEmpty() ? "INSTALL " + name
                            : "INSTALL " + name + " FROM " + repo);
                }
                execute(connection, "LOAD " + name);
            } catch (SQLException e) {
                throw OfflineExtensionHint.explain(e, connection, name);
            }
        }
        for (Map<String, Object> secret : secrets) {
            // temporary secrets belong to the database instance: made by the first connection that tries, and tried
            // once per runtime (one DuckDB refuses stays refused). Not stated again by later connections, as the
            // statement holds the secret's values and DuckDB's query log, which ad-hoc SQL can turn on, records it
            if (attempted.add(secret.get("name")) && !exists(connection, secret.get("name"))) {
                SecretStatements.create(secret).ifPresent(sql -> createIgnoringFailure(connection, sql, secret));
            }
        }
        for (String macro : CallerVariables.macros(values)) {
            execute(connection, macro);
        }
    }

    /**
     * DuckDB's own name of an extension the site may name by an alias ({@code sqlite} for {@code sqlite_scanner}):
     * the one it installs, looks for in the extension folder and downloads. A file named after the alias would
     * otherwise count as installed while {@code LOAD} looks for the other one.
     */
    private static String canonicalName(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT extension_name FROM duckdb_extensions() WHERE list_contains(aliases, ?)")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : name;
            }
        }
    }

    /**
     * Whether DuckDB already has the extension (built in, or installed earlier): INSTALL would otherwise try the
     * network even for an extension such as {@code json} that is compiled into the engine.
     */
    private static boolean installed(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT installed OR loaded FROM duckdb_extensions() WHERE extension_name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static boolean exists(Connection connection, Object secretName) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM duckdb_secrets() WHERE lower(name) = lower(?)")) {
            query.setString(1, String.valueOf(secretName));
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** A statement per command: the driver closes a statement whose command failed. */
    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * A secret of a type DuckDB does not know (MXCP's own: {@code value}, {@code env}, {@code python}…) is no DuckDB
     * secret, as in the original (a debug line); one of a type it knows that it still refuses (its extension cannot
     * be loaded offline, a parameter it does not take) leaves the SQL that needs it failing later, so it is a warning.
     */
    private static void createIgnoringFailure(Connection connection, String sql, Map<String, Object> secret) {
        try {
            execute(connection, sql);
        } catch (SQLException e) {
            String reason = SecretValueScrub.scrub(DriverMessages.of(e).strip(), secret);
            if (reason.contains("Secret type '") && reason.contains("' not found")) {
                LOG.log(Level.DEBUG, () -> "Secret " + secret.get("name") + " not injected into DuckDB: " + reason);
            } else {
                LOG.log(Level.WARNING, "Secret {0} (type {1}) could not be created in DuckDB, so SQL that needs it "
                        + "fails: {2}", secret.get("name"), secret.get("type"), reason);
            }
        }
    }
}
