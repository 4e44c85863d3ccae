package io.mxcp.executor.python.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.mxcp.sdk.exec.ClientInput;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.ExecutionContext;
import io.mxcp.sdk.exec.InputRequest;
import io.mxcp.sdk.exec.InputRequiredException;
import io.mxcp.sdk.exec.MissingClientCapabilityException;

/**
 * Python's {@code mcp.ask}/{@code elicit}/{@code sample}/{@code list_roots}: asks through the running call's
 * {@link ClientInput} and answers Python with JSON text or a marked failure, since a Java exception would reach
 * Python as a foreign object. A failure that must reach the server unchanged ({@link InputRequiredException},
 * {@link MissingClientCapabilityException}) is also kept for the thread, so that the runtime hands it back once the
 * Python call ends, whatever the Python code did with the exception it raised.
 */
final class ClientAsks {
    /** Prefixes of the answers {@code _mxcp_bridge.client_answer} turns into Python exceptions. */
    static final String INPUT_REQUIRED = "\0input_required:";
    static final String MISSING_CAPABILITY = "\0missing_capability:";
    static final String HOST_ERROR = "\0error:";

    private final Supplier<ExecutionContext> caller;
    private final ValueCodec codec;
    private final ThreadLocal<EndpointExecutionException> stopped = new ThreadLocal<>();

    ClientAsks(Supplier<ExecutionContext> caller, ValueCodec codec) {
        this.caller = caller;
        this.codec = codec;
    }

    boolean supports(String capability) {
        ExecutionContext context = caller.get();
        return context != null && context.clientInput().supports(capability);
    }

    /** {@code requestsJson}: {@code {key: {method, params}}}; answers {@code {key: result}}. */
    String askAll(String requestsJson) {
        try {
            Map<String, InputRequest> requests = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map(codec.decode(requestsJson), "mcp.ask's requests").entrySet()) {
                requests.put(String.valueOf(entry.getKey()), request(entry.getValue()));
            }
            return codec.encode(input().ask(requests));
        } catch (EndpointExecutionException | IllegalArgumentException e) {
            return failure(e);
        }
    }

    /** One request, under the next key in order; answers its result. */
    String askUnnamed(String requestJson) {
        try {
            return codec.encode(input().ask(request(codec.decode(requestJson))));
        } catch (EndpointExecutionException | IllegalArgumentException e) {
            return failure(e);
        }
    }

    /** The failure an ask of this thread's call kept for the server, once; null when none. */
    EndpointExecutionException takeStop() {
        EndpointExecutionException stop = stopped.get();
        stopped.remove();
        return stop;
    }

    private ClientInput input() throws EndpointExecutionException {
        ExecutionContext context = caller.get();
        if (context == null) {
            throw new EndpointExecutionException("No execution context available - function not called from MXCP "
                    + "executor");
        }
        return context.clientInput();
    }

    private static InputRequest request(Object value) {
        Map<?, ?> request = map(value, "an input request");
        Object params = request.get("params");
        @SuppressWarnings("unchecked")
        Map<String, Object> paramsMap = params == null ? Map.of() : (Map<String, Object>) map(params, "its params");
        return new InputRequest(request.get("method") instanceof String method ? method : null, paramsMap);
    }

    private static Map<?, ?> map(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(what + " must be a dict, not " + (value == null ? "None" : value));
    }

    private String failure(Exception e) {
        if (e instanceof InputRequiredException || e instanceof MissingClientCapabilityException) {
            stopped.set((EndpointExecutionException) e);
            return (e instanceof InputRequiredException ? INPUT_REQUIRED : MISSING_CAPABILITY) + e.getMessage();
        }
        return HOST_ERROR + (e.getMessage() == null ? e.toString() : e.getMessage());
    }
}
