package io.mxcp.it.compat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One {@code mxcp} command a user types: where, with which extra environment variables, and its arguments. */
record Invocation(Path folder, Map<String, String> environment, List<String> arguments) {

    static Invocation in(Path folder, String... arguments) {
        return new Invocation(folder, Map.of(), List.of(arguments));
    }

    Invocation withEnvironment(Map<String, String> extra) {
        Map<String, String> merged = new java.util.HashMap<>(environment);
        merged.putAll(extra);
        return new Invocation(folder, Map.copyOf(merged), arguments);
    }

    @Override
    public String toString() {
        return "mxcp " + String.join(" ", arguments);
    }
}
