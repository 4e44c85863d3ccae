package io.mxcp.mcp.internal.oauth.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Times in the store are epoch seconds as REAL, as the original MXCP wrote them; kept to the millisecond so an
 * instant reads back as written.
 */
final class EpochSeconds {

    private EpochSeconds() {
    }

    /** The column value of an instant; null stays null. */
    static Double of(Instant instant) {
        return instant == null ? null : instant.toEpochMilli() / 1000.0;
    }

    /** The instant in a column, or null when the column is NULL. */
    static Instant read(ResultSet row, String column) throws SQLException {
        double seconds = row.getDouble(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(Math.round(seconds * 1000));
    }
}
