package io.mxcp.executor.sql.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.ExecutionContext;

/**
 * The values behind the built-in SQL functions of spec 01 §4.3 for one call. A Java UDF is global to the
 * database and cannot tell which call invoked it, so the functions are connection-local TEMP MACROs over
 * connection variables ({@code SET VARIABLE}), set before each call on the checked-out connection
 * (§4.4 option b).
 *
 * @param username      null when absent or empty
 * @param email         null when absent or empty
 * @param provider      null when absent or empty
 * @param externalToken null when absent or empty
 * @param headers       the request headers, null when there are none
 */
public record CallerVariables(String username, String email, String provider, String externalToken,
        Map<String, String> headers) {

    public static final CallerVariables NONE = new CallerVariables(null, null, null, null, null);

    /** Creates the macros on a new connection; {@link #assignments} must run before they are used. */
    static final List<String> MACROS = List.of(
            "CREATE OR REPLACE TEMP MACRO get_username() AS getvariable('mxcp_username')",
            "CREATE OR REPLACE TEMP MACRO get_user_email() AS getvariable('mxcp_user_email')",
            "CREATE OR REPLACE TEMP MACRO get_user_provider() AS getvariable('mxcp_user_provider')",
            "CREATE OR REPLACE TEMP MACRO get_user_external_token() AS getvariable('mxcp_user_external_token')",
            // a JSON pointer into the one headers variable: a second, MAP-typed variable cost more per call to set
            // than the rest of the call; '~' and '/' are escaped as RFC 6901 says, so the lookup stays exact
            "CREATE OR REPLACE TEMP MACRO get_request_header(name) AS json_extract_string("
                    + "getvariable('mxcp_request_headers_json'), '/' || replace(replace(name, '~', '~0'), '/', '~1'))",
            "CREATE OR REPLACE TEMP MACRO get_request_headers_json() AS getvariable('mxcp_request_headers_json')");

    public static CallerVariables of(ExecutionContext context) {
        if (context == null) {
            return NONE;
        }
        Optional<UserContext> user = context.user();
        Map<String, String> headers = context.requestHeaders();
        return new CallerVariables(
                user.map(UserContext::username).map(CallerVariables::blankToNull).orElse(null),
                user.map(UserContext::email).map(CallerVariables::blankToNull).orElse(null),
                user.map(UserContext::provider).map(CallerVariables::blankToNull).orElse(null),
                user.map(UserContext::externalToken).map(CallerVariables::blankToNull).orElse(null),
                headers == null || headers.isEmpty() ? null : new LinkedHashMap<>(headers));
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** The SET VARIABLE statements that change {@code previous} into these values (none when equal). */
    List<String> assignments(CallerVariables previous) {
        List<String> statements = new ArrayList<>();
        if (previous == null || !Objects.equals(username, previous.username)) {
            statements.add(set("mxcp_username", SqlLiterals.stringOrNull(username)));
        }
        if (previous == null || !Objects.equals(email, previous.email)) {
            statements.add(set("mxcp_user_email", SqlLiterals.stringOrNull(email)));
        }
        if (previous == null || !Objects.equals(provider, previous.provider)) {
            statements.add(set("mxcp_user_provider", SqlLiterals.stringOrNull(provider)));
        }
        if (previous == null || !Objects.equals(externalToken, previous.externalToken)) {
            statements.add(set("mxcp_user_external_token", SqlLiterals.stringOrNull(externalToken)));
        }
        if (previous == null || !Objects.equals(headers, previous.headers)) {
            statements.add(set("mxcp_request_headers_json",
                    SqlLiterals.stringOrNull(headers == null ? null : PythonJson.object(headers))));
        }
        return statements;
    }

    private static String set(String variable, String valueSql) {
        return "SET VARIABLE " + variable + " = " + valueSql;
    }
}
