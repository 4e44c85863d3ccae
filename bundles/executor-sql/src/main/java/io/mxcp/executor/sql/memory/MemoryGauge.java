package io.mxcp.executor.sql.memory;

import java.util.Optional;

/** Where the server's memory stands; empty where it cannot be known. */
public interface MemoryGauge {

    Optional<MemoryReading> read();
}
