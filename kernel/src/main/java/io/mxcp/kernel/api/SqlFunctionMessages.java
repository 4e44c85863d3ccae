package io.mxcp.kernel.api;

import java.util.regex.Pattern;

/**
 * DuckDB's messages about routed functions as SQL calls them. A routed function {@code f} is called through its
 * entry point {@code mxcp_routed_f} with the calling connection's key as a trailing variadic BIGINT, and DuckDB's
 * binder names what it bound: {@code No function matches … 'mxcp_routed_f(INTEGER[], BIGINT)'}, candidates
 * {@code mxcp_routed_f(VARCHAR, [BIGINT...])}. The caller wrote {@code f(…)}.
 *
 * @since 1.5
 */
public final class SqlFunctionMessages {

    /** The prefix of an entry point's name (the kernel registers {@code <prefix><name>}). */
    public static final String ENTRY_PREFIX = "mxcp_routed_";

    /** A call as bound: the key is the last argument, the only one followed by ')'. */
    private static final Pattern BOUND_CALL = Pattern.compile(ENTRY_PREFIX + "(\\w+)\\((.*?)(?:, )?BIGINT\\)");
    private static final Pattern CANDIDATE_KEY = Pattern.compile("(?:, )?\\[BIGINT\\.\\.\\.\\]\\)");

    private SqlFunctionMessages() {
    }

    public static String asCalled(String message) {
        if (!message.contains(ENTRY_PREFIX)) {
            return message;
        }
        String calls = CANDIDATE_KEY.matcher(message).replaceAll(")");
        calls = BOUND_CALL.matcher(calls).replaceAll("$1($2)");
        return calls.replace(ENTRY_PREFIX, "");
    }
}
