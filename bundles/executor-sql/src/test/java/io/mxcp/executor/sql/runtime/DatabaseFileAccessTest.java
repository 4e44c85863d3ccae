package io.mxcp.executor.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The messages of a database on a read-only file system, as the JDK and DuckDB word them (seen on a ro mount), and of
 * one the user may not open (seen as a user that owns nothing).
 */
class DatabaseFileAccessTest {

    private final Path file = Path.of("/srv/project/data/db-default.duckdb");

    /** A writable project is told about --readonly, a read-only one that its database file is missing. */
    @Test
    void eachModeIsToldWhatLetsTheProjectRun() {
        String duckDb = "IO Error: Cannot open file \"/srv/project/data/db-default.duckdb\": Read-only file system";
        String jdk = "/srv/project/data: Read-only file system";
        assertEquals(Optional.of(duckDb + ". A project on a read-only file system runs with --readonly (or"
                + " MXCP_READONLY=1), from a database file made beforehand."),
                DatabaseFileAccess.explain(duckDb, file, false));
        assertEquals(Optional.of(jdk + ". The database file /srv/project/data/db-default.duckdb does not exist and"
                + " cannot be made on a read-only file system: create it where the project is writable."),
                DatabaseFileAccess.explain(jdk, file, true));
    }

    @Test
    void aUserWhoMayNotOpenTheFileIsToldOfTheFolderTheWriteAheadLogAndReadonly() {
        String denied = "IO Error: Cannot open file \"/srv/project/data/db-default.duckdb\": Permission denied";
        assertEquals(Optional.of(denied + ". The user running mxcp needs to write /srv/project/data/db-default.duckdb"
                + " and its folder /srv/project/data (DuckDB keeps its write-ahead log db-default.duckdb.wal there);"
                + " when nothing writes, --readonly (or MXCP_READONLY=1) needs only to read the file."),
                DatabaseFileAccess.explain(denied, file, false));
        assertEquals(Optional.of(denied + ". The user running mxcp needs to read /srv/project/data/db-default.duckdb."),
                DatabaseFileAccess.explain(denied, file, true));
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        assertEquals(Optional.empty(), DatabaseFileAccess.explain("IO Error: Cannot open file \"x\": No such file",
                file, false));
        assertEquals(Optional.empty(), DatabaseFileAccess.explain(null, file, true));
    }
}
