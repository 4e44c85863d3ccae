package io.mxcp.executor.python.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.ExecutionContext;

/** A call as the Python side builds its execution context from it (the bridge's {@code make_context}). */
public final class CallDescription {

    private CallDescription() {
    }

    /**
     * {@code {id, transport, user, headers}}, absent fields when unknown.
     *
     * @param id the call's number for cancelling it, null for a call that cannot be cancelled on its own (a UDF)
     */
    public static Map<String, Object> of(Long id, ExecutionContext context) {
        Map<String, Object> call = new LinkedHashMap<>();
        if (id != null) {
            call.put("id", id);
        }
        if (context == null) {
            return call;
        }
        call.put("transport", context.transport());
        context.user().ifPresent(user -> call.put("user", userFields(user)));
        if (!context.requestHeaders().isEmpty()) {
            call.put("headers", context.requestHeaders());
        }
        return call;
    }

    private static Map<String, Object> userFields(UserContext user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("provider", user.provider());
        fields.put("user_id", user.userId());
        fields.put("username", user.username());
        fields.put("email", user.email());
        fields.put("name", user.name());
        fields.put("avatar_url", user.avatarUrl());
        fields.put("raw_profile", user.rawProfile());
        fields.put("external_token", user.externalToken());
        fields.put("scopes", user.scopes());
        fields.put("capabilities", user.capabilities());
        return fields;
    }
}
