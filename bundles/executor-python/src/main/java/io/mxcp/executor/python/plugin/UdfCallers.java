package io.mxcp.executor.python.plugin;

import io.mxcp.executor.python.runtime.CallDescription;
import io.mxcp.executor.python.runtime.PythonRuntime;
import io.mxcp.sdk.exec.ExecutionContext;

/**
 * The call a UDF runs for, as the Python side reads it (spec 01 §6.3: the function may call
 * {@code get_user_context()}). The SQL executor hands its connections the call's {@link ExecutionContext}; a
 * statement calls a UDF once per row, so the description of the last caller is kept rather than encoded per row.
 */
final class UdfCallers {

    private record Described(Object caller, String json) {
    }

    private final PythonRuntime runtime;
    private volatile Described last = new Described(null, null);

    UdfCallers(PythonRuntime runtime) {
        this.runtime = runtime;
    }

    /** The call as JSON, null when the statement runs for no call (an init hook, a validation). */
    String describe(Object caller) {
        Described described = last;
        if (described.caller() != caller) {
            String json = caller instanceof ExecutionContext context
                    ? runtime.encode(CallDescription.of(null, context)) : null;
            described = new Described(caller, json);
            last = described;
        }
        return described.json();
    }
}
