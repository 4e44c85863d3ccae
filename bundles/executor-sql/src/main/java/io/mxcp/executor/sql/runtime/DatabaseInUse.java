package io.mxcp.executor.sql.runtime;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB's refusal to open a database file that another process holds, said in MXCP's terms. DuckDB lets one
 * process open a file for writing, or any number of processes read-only; a command run next to a
 * {@code mxcp serve} of the same project otherwise gets the engine's raw lock error.
 */
final class DatabaseInUse {

    /** DuckDB's wording when the operating system refuses the file lock. */
    private static final String LOCK_FAILURE = "Could not set lock on file";
    private static final Pattern HOLDER = Pattern.compile("\\(PID (\\d+)\\)");

    private DatabaseInUse() {
    }

    /**
     * What to tell the user when {@code duckDbMessage} says another process holds {@code file}; empty for any other
     * failure.
     *
     * @param readOnly whether this process asked to open the file read-only
     */
    static Optional<String> explain(String duckDbMessage, Path file, boolean readOnly) {
        if (duckDbMessage == null || !duckDbMessage.contains(LOCK_FAILURE)) {
            return Optional.empty();
        }
        Matcher holder = HOLDER.matcher(duckDbMessage);
        String process = holder.find() ? "another process (PID " + holder.group(1) + ")" : "another process";
        String path = file.toAbsolutePath().normalize().toString();
        if (readOnly) {
            return Optional.of("The database file " + path + " is open for writing in " + process
                    + ", such as a running 'mxcp serve' of this project. DuckDB lets read-only processes share a"
                    + " database file only with other read-only ones: stop that process, or start it with --readonly"
                    + " too.");
        }
        return Optional.of("The database file " + path + " is in use by " + process
                + ", such as a running 'mxcp serve' of this project. DuckDB lets only one process at a time open a"
                + " database file for writing: stop that process, or, when neither needs to write, start both with"
                + " --readonly.");
    }
}
