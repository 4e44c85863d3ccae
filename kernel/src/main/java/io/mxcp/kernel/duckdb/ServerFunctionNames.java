package io.mxcp.kernel.duckdb;

import java.util.Locale;
import java.util.Set;

/**
 * The SQL function names the server's own SQL uses, which no plugin may take: the kernel's functions ({@code mxcp_}
 * prefix) and the caller functions of spec 01 §4.3, which each pooled connection declares as TEMP macros that a
 * routed function's macro of the same name would replace.
 */
final class ServerFunctionNames {

    private static final String KERNEL_PREFIX = "mxcp_";
    private static final Set<String> CALLER_FUNCTIONS = Set.of("get_username", "get_user_email", "get_user_provider",
            "get_user_external_token", "get_request_header", "get_request_headers_json");

    private ServerFunctionNames() {
    }

    static boolean taken(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(KERNEL_PREFIX) || CALLER_FUNCTIONS.contains(lower);
    }
}
