package io.mxcp.cli.command;

import java.io.PrintWriter;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors as the original's command line (click) prints them (spec 02 reference: "usage line + {@code Error:
 * ...}", exit 2): the command's usage line, where to find its help, then the error —
 * <pre>
 * Usage: mxcp run [OPTIONS] TYPE NAME
 * Try 'mxcp run --help' for help.
 *
 * Error: Missing required parameters: 'TYPE', 'NAME'
 * </pre>
 * rather than picocli's whole help text, and an unknown command as {@code No such command 'x'.}.
 */
final class UsageErrors implements IParameterExceptionHandler {

    static final int EXIT = 2;

    @Override
    public int handleParseException(ParameterException error, String[] arguments) {
        CommandLine command = error.getCommandLine();
        CommandSpec spec = command.getCommandSpec();
        PrintWriter err = command.getErr();
        err.println("Usage: " + usageLine(spec));
        err.println("Try '" + spec.qualifiedName() + " --help' for help.");
        err.println();
        err.println("Error: " + message(error, spec));
        err.flush();
        return EXIT;
    }

    private static String usageLine(CommandSpec spec) {
        if (!spec.subcommands().isEmpty()) {
            return spec.qualifiedName() + " [OPTIONS] COMMAND [ARGS]...";
        }
        // click brackets an optional argument: [TYPE] [NAME]
        String positionals = spec.positionalParameters().stream()
                .map(parameter -> (parameter.arity().min() == 0 ? "[" + parameter.paramLabel() + "]"
                        : parameter.paramLabel()) + (parameter.arity().max() > 1 ? "..." : ""))
                .collect(Collectors.joining(" "));
        return spec.qualifiedName() + " [OPTIONS]" + (positionals.isEmpty() ? "" : " " + positionals);
    }

    private static String message(ParameterException error, CommandSpec spec) {
        if (error instanceof UnmatchedArgumentException unmatched && !spec.subcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().getFirst().startsWith("-")) {
            return "No such command '" + unmatched.getUnmatched().getFirst() + "'.";
        }
        return error.getMessage();
    }
}
