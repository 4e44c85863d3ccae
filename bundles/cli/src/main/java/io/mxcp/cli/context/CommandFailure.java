package io.mxcp.cli.context;

/**
 * A failure the command reports in its own words (as opposed to an unexpected exception, which the generic
 * handler reports followed by {@code Aborted!}).
 */
public final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** How the failure is reported and which exit code it gives. */
    public enum Kind {
        /** The command cannot go on: {@code Error: <message>}, exit 1. */
        COMMAND,
        /** A malformed option value found by the command: {@code Error: Invalid value: <message>}, exit 2. */
        BAD_PARAMETER,
        /** No project root: also announced on standard output in human mode, exit 1. */
        NO_PROJECT
    }

    public static final String NO_PROJECT_MESSAGE = "No mxcp-site.yml found in current directory or parents";

    private final Kind kind;

    private CommandFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static CommandFailure command(String message) {
        return new CommandFailure(Kind.COMMAND, message);
    }

    public static CommandFailure badParameter(String message) {
        return new CommandFailure(Kind.BAD_PARAMETER, message);
    }

    public static CommandFailure noProject() {
        return new CommandFailure(Kind.NO_PROJECT, NO_PROJECT_MESSAGE);
    }

    public Kind kind() {
        return kind;
    }

    public int exitCode() {
        return kind == Kind.BAD_PARAMETER ? 2 : 1;
    }
}
