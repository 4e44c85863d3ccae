package io.mxcp.executor.python.runtime;

import org.graalvm.polyglot.Value;

import io.mxcp.sdk.exec.ReloadPayload;

/**
 * The payload of a {@code reload_duckdb(payload_func)}: calls the Python function, on the reload's thread, in the
 * interpreter that defined it, after that generation ended and before the next one begins there. The interpreter is
 * kept open until the payload is released (see {@link PythonRuntime#payload}), so the function's closure, its module
 * and its imports are all still there while the DuckDB connections are closed.
 */
final class ReloadPayloadCall implements ReloadPayload {

    private final PythonRuntime runtime;
    private final Value function;
    private boolean released;

    ReloadPayloadCall(PythonRuntime runtime, Value function) {
        this.runtime = runtime;
        this.function = function;
    }

    /** @throws PythonException what the function raised */
    @Override
    public void run() throws PythonException {
        runtime.runPayload(function);
    }

    @Override
    public synchronized void release() {
        if (!released) {
            released = true;
            runtime.releasePayload();
        }
    }
}
