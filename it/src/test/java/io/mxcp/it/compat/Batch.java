package io.mxcp.it.compat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.mxcp.it.CommandResult;
import io.mxcp.it.Mxcp;

/**
 * Runs many independent commands a few at a time, so a suite of one-call-per-case checks costs a fraction of
 * running them in a row. Every command gets a DuckDB file of its own (MXCP_DUCKDB_PATH, spec 01 §1.4): DuckDB
 * lets one process at a time open a database for writing.
 */
final class Batch {

    private static final int PARALLEL = 4;

    private Batch() {
    }

    static List<CommandResult> run(Mxcp mxcp, List<Invocation> invocations) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<CommandResult>> futures = new ArrayList<>();
            for (int i = 0; i < invocations.size(); i++) {
                Invocation invocation = invocations.get(i);
                Path database = invocation.folder().resolve("data/batch-" + i + ".duckdb");
                Invocation isolated = invocation.withEnvironment(Map.of("MXCP_DUCKDB_PATH", database.toString()));
                futures.add(pool.submit(() -> mxcp.run(isolated.folder(), isolated.environment(),
                        isolated.arguments().toArray(String[]::new))));
            }
            List<CommandResult> results = new ArrayList<>();
            for (Future<CommandResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new AssertionError("a batched mxcp command failed to run", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
