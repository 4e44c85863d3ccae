package io.mxcp.mcp.internal.protocol;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.sdk.exec.ClientInput;
import io.mxcp.sdk.exec.InputRequest;
import io.mxcp.sdk.exec.MissingClientCapabilityException;

/** What both eras' {@link ClientInput} do the same way with an endpoint's asks. */
final class Asks {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Asks() {
    }

    /** The key of the next ask the endpoint did not name: {@code input-1}, {@code input-2}, ... */
    static String unnamed(AtomicInteger counter) {
        return "input-" + counter.incrementAndGet();
    }

    /** @throws MissingClientCapabilityException when the client did not declare what some request needs */
    static void requireDeclared(Map<String, InputRequest> requests, ClientInput input)
            throws MissingClientCapabilityException {
        Set<String> missing = new LinkedHashSet<>();
        requests.values().forEach(request -> {
            if (!input.supports(request.capability())) {
                missing.add(request.capability());
            }
        });
        if (!missing.isEmpty()) {
            throw new MissingClientCapabilityException(missing);
        }
    }

    /** The methods asked, for messages: {@code elicitation/create, sampling/createMessage}. */
    static String methods(Map<String, InputRequest> requests) {
        return requests.values().stream().map(InputRequest::method).distinct().collect(Collectors.joining(", "));
    }

    /** A client's answer as the endpoint gets it: a map of JSON-ready values. */
    static Map<String, Object> toMap(JsonNode answer, ObjectMapper mapper) {
        return mapper.convertValue(answer, MAP);
    }
}
