package io.mxcp.core.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.mxcp.sdk.exec.EndpointExecutor;
import io.mxcp.sdk.exec.EndpointSource;
import io.mxcp.sdk.exec.ExecutionContext;
import io.mxcp.sdk.exec.ExecutorSession;
import io.mxcp.sdk.exec.ProjectRuntime;

/** An executor for tests: answers every call with a function of the source and arguments, and records what it saw. */
final class FakeExecutor implements EndpointExecutor {

    final String language;
    final BiFunction<EndpointSource, Map<String, Object>, Object> answer;
    final List<EndpointSource> executed = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    volatile ProjectRuntime runtime;
    /** What the sessions name as the origin of a result. */
    volatile Function<EndpointSource, Optional<String>> origin = source -> Optional.empty();

    FakeExecutor(String language, BiFunction<EndpointSource, Map<String, Object>, Object> answer) {
        this.language = language;
        this.answer = answer;
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public ExecutorSession open(ProjectRuntime project) {
        runtime = project;
        events.add("open");
        return new ExecutorSession() {
            @Override
            public Object execute(EndpointSource source, Map<String, Object> arguments, ExecutionContext context) {
                executed.add(source);
                return answer.apply(source, arguments);
            }

            @Override
            public Optional<String> validate(EndpointSource source, Set<String> declaredParameters) {
                return source.code().contains("BROKEN") ? Optional.of("Source code syntax validation failed: broken")
                        : Optional.empty();
            }

            @Override
            public Optional<String> resultOrigin(EndpointSource source) {
                return origin.apply(source);
            }

            @Override
            public void close() {
                events.add("close");
            }
        };
    }
}
