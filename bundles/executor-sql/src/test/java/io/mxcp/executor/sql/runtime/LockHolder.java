package io.mxcp.executor.sql.runtime;

import java.sql.Connection;
import java.util.Properties;

import org.duckdb.DuckDBDriver;

/**
 * The other process of {@link DatabaseInUseTest}: holds a DuckDB file open (arguments: the file, then
 * {@code read-write} or {@code read-only}), prints {@code open} once it does and exits when its stdin closes.
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        if (args[1].equals("read-only")) {
            properties.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
        }
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:" + args[0], properties)) {
            System.out.println("open");
            System.out.flush();
            System.in.readAllBytes();
        }
    }
}
