package io.mxcp.executor.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** DuckDB's message for a database file the user may not open (seen as a user that owns nothing, UAT). */
class DatabasePermissionTest {

    private final Path file = Path.of("/srv/project/data/db-default.duckdb");
    private final String denied = "IO Error: Cannot open file \"/srv/project/data/db-default.duckdb\": Permission denied";

    @Test
    void aWritingProjectIsToldOfTheFolderAndTheWriteAheadLogAndOfReadonly() {
        assertEquals(Optional.of(denied + ". The user running mxcp needs to write /srv/project/data/db-default.duckdb"
                + " and its folder /srv/project/data (DuckDB keeps its write-ahead log db-default.duckdb.wal there);"
                + " when nothing writes, --readonly (or MXCP_READONLY=1) needs only to read the file."),
                DatabasePermission.explain(denied, file, false));
        assertEquals(Optional.of(denied + ". The user running mxcp needs to read /srv/project/data/db-default.duckdb."),
                DatabasePermission.explain(denied, file, true));
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        assertEquals(Optional.empty(), DatabasePermission.explain("IO Error: Cannot open file \"x\": No such file",
                file, false));
        assertEquals(Optional.empty(), DatabasePermission.explain(null, file, false));
    }
}
