package io.mxcp.kernel.logging;

import java.util.Arrays;
import java.util.IllegalFormatException;

import org.osgi.framework.ServiceReference;

/**
 * A message given to an OSGi {@code Logger}, made text as the Log Service 1.4 specification says: the last argument,
 * and the one before it when of the other kind, is the entry's exception or service reference rather than a message
 * argument; {@code {}} placeholders take the rest in order ({@code \{}} writes the braces, {@code \\{}} a backslash
 * and then the argument), or printf-style for a {@code FormatterLogger}.
 *
 * @param text   the message with its arguments in place
 * @param thrown the entry's exception, or null
 */
record OsgiLogMessage(String text, Throwable thrown) {

    private static final String PLACEHOLDER = "{}";

    static OsgiLogMessage of(boolean printfStyle, String format, Object... arguments) {
        Object[] args = arguments == null ? new Object[0] : arguments;
        int messageArguments = args.length;
        Throwable thrown = null;
        if (messageArguments > 0 && isEntryPart(args[messageArguments - 1])) {
            Object last = args[--messageArguments];
            thrown = last instanceof Throwable throwable ? throwable : null;
            if (messageArguments > 0 && isEntryPart(args[messageArguments - 1])
                    && (args[messageArguments - 1] instanceof Throwable) != (last instanceof Throwable)) {
                Object beforeLast = args[--messageArguments];
                thrown = thrown != null ? thrown : (Throwable) beforeLast;
            }
        }
        Object[] messageArgs = Arrays.copyOf(args, messageArguments);
        String text = String.valueOf(format);
        if (messageArgs.length > 0) {
            text = printfStyle ? printf(text, messageArgs) : placeheld(text, messageArgs);
        }
        return new OsgiLogMessage(text, thrown);
    }

    private static boolean isEntryPart(Object argument) {
        return argument instanceof Throwable || argument instanceof ServiceReference<?>;
    }

    private static String printf(String format, Object[] args) {
        try {
            return String.format(format, args);
        } catch (IllegalFormatException e) {
            return "the log message \"" + format + "\" could not be formatted with " + Arrays.deepToString(args) + ": "
                    + e.getMessage();
        }
    }

    private static String placeheld(String format, Object[] args) {
        StringBuilder text = new StringBuilder(format.length() + 32);
        int next = 0;
        int from = 0;
        for (int at = format.indexOf(PLACEHOLDER); at >= 0; at = format.indexOf(PLACEHOLDER, at + 2)) {
            boolean escaped = at > 0 && format.charAt(at - 1) == '\\';
            boolean escapedBackslash = escaped && at > 1 && format.charAt(at - 2) == '\\';
            if (escaped && !escapedBackslash) {
                text.append(format, from, at - 1).append(PLACEHOLDER);
            } else if (next < args.length) {
                text.append(format, from, escapedBackslash ? at - 1 : at).append(shown(args[next++]));
            } else {
                text.append(format, from, at + 2);
            }
            from = at + 2;
        }
        return text.append(format, from, format.length()).toString();
    }

    private static String shown(Object argument) {
        return argument instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(argument);
    }

    /** The exception and its causes on one line, as the log shows them unless the server runs with --debug. */
    static String summary(Throwable thrown) {
        StringBuilder line = new StringBuilder(thrown.toString());
        Throwable cause = thrown.getCause();
        for (int depth = 0; cause != null && cause != thrown && depth < 5; depth++, cause = cause.getCause()) {
            line.append("; caused by ").append(cause);
        }
        return line.toString();
    }
}
