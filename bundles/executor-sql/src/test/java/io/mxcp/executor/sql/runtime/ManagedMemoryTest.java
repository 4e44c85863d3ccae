package io.mxcp.executor.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.executor.sql.TestProject;
import io.mxcp.kernel.duckdb.KernelDuckDbHost;

class ManagedMemoryTest {

    @TempDir
    Path dir;

    @Test
    void theBufferManagersMemoryGrowsWithTheDataItHolds() throws Exception {
        try (DuckDbRuntime runtime = DuckDbRuntime.open(new KernelDuckDbHost(),
                TestProject.at(dir.resolve("m.duckdb")))) {
            long before = runtime.managedMemoryBytes();
            PooledConnection connection = runtime.pool().checkout();
            try (Statement statement = connection.connection().createStatement()) {
                statement.execute(
                        "CREATE TEMP TABLE held AS SELECT i, md5(i::VARCHAR) AS text FROM range(2000000) t(i)");
            } finally {
                runtime.pool().release(connection);
            }
            long after = runtime.managedMemoryBytes();
            assertTrue(after - before > 50L * 1024 * 1024, "before " + before + ", after " + after);
        }
    }
}
