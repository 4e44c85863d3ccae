package io.mxcp.executor.sql.runtime;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mxcp.kernel.api.ConnectionValues;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.ExecutionContext;

/**
 * The values behind the built-in SQL functions of spec 01 §4.3 for one call. A Java UDF is global to the
 * database and cannot tell which call invoked it, so the functions are connection-local TEMP MACROs over the
 * connection's values (§4.4 option b), set before each call on the checked-out connection. The values are read
 * when a statement runs ({@link ConnectionValues}), so cached prepared statements stay valid across callers.
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

    /** One value per header, under this prefix and the header's exact name (the lookup is case-sensitive). */
    private static final String HEADER = "header:";

    /** Creates the macros on a new connection, reading that connection's values. */
    static List<String> macros(ConnectionValues values) {
        return List.of(
                macro("get_username()", values.readExpression("'username'")),
                macro("get_user_email()", values.readExpression("'email'")),
                macro("get_user_provider()", values.readExpression("'provider'")),
                macro("get_user_external_token()", values.readExpression("'external_token'")),
                macro("get_request_header(name)", values.readExpression("'" + HEADER + "' || name")),
                macro("get_request_headers_json()", values.readExpression("'headers_json'")));
    }

    private static String macro(String signature, String body) {
        return "CREATE OR REPLACE TEMP MACRO " + signature + " AS " + body;
    }

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

    /** The connection's values for these (absent ones are left out: they read NULL). */
    Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        putPresent(values, "username", username);
        putPresent(values, "email", email);
        putPresent(values, "provider", provider);
        putPresent(values, "external_token", externalToken);
        if (headers != null) {
            headers.forEach((name, value) -> putPresent(values, HEADER + name, value));
            values.put("headers_json", PythonJson.object(headers));
        }
        return values;
    }

    private static void putPresent(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
