package io.mxcp.executor.sql.runtime;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Where DuckDB takes an extension from without downloading it, for the error of an {@code INSTALL} that could not
 * reach the extension repository: a server without internet access runs once the extension's file is copied there
 * ({@code INSTALL} finds it and loads it, as after a download).
 */
final class OfflineExtensionHint {
    private static final String DOWNLOAD_FAILED = "Failed to download extension";

    private OfflineExtensionHint() {
    }

    /** The failure with the hint added when it is a failed download, else the failure itself. */
    static SQLException explain(SQLException failure, Connection connection, String extension) {
        if (failure.getMessage() == null || !failure.getMessage().contains(DOWNLOAD_FAILED)) {
            return failure;
        }
        Optional<Path> folder = installFolder(connection);
        if (folder.isEmpty()) {
            return failure;
        }
        return new SQLException(failure.getMessage() + "\nWithout internet access: copy "
                + extension + ".duckdb_extension (of the same DuckDB version and platform) into " + folder.get()
                + " on this machine, where DuckDB installs it from", failure.getSQLState(), failure);
    }

    /** {@code <extension_directory>/<version>/<platform>}, the directory defaulting to {@code ~/.duckdb/extensions}. */
    private static Optional<Path> installFolder(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('extension_directory'), "
                        + "current_setting('home_directory'), (SELECT library_version FROM pragma_version()), "
                        + "(SELECT platform FROM pragma_platform())")) {
            row.next();
            String directory = row.getString(1);
            if (directory == null || directory.isEmpty()) {
                String home = row.getString(2);
                if (home == null || home.isEmpty()) {
                    home = System.getenv("HOME");
                }
                if (home == null || home.isEmpty()) {
                    return Optional.empty();
                }
                directory = Path.of(home, ".duckdb", "extensions").toString();
            }
            return Optional.of(Path.of(directory, row.getString(3), row.getString(4)));
        } catch (SQLException e) {
            return Optional.empty(); // the hint is a help: without it the download's own error stands
        }
    }
}
