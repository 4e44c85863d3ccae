package io.mxcp.core.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.mxcp.sdk.telemetry.MetricCounter;
import io.mxcp.sdk.telemetry.Telemetry;
import io.mxcp.sdk.telemetry.TelemetryProvider;
import io.mxcp.sdk.telemetry.TelemetrySettings;
import io.mxcp.sdk.telemetry.TelemetrySpan;

/** Test helper: a telemetry provider that keeps every span and metric it is given, and counts starts and closes. */
final class RecordingTelemetry implements TelemetryProvider {

    /** One span as the core left it. */
    static final class RecordedSpan implements TelemetrySpan {
        final String name;
        final RecordedSpan parent;
        final String traceId;
        final Map<String, Object> attributes = new LinkedHashMap<>();
        /** The recorded error's message, null when none was recorded. */
        String error;
        boolean ended;

        RecordedSpan(String name, RecordedSpan parent, String traceId) {
            this.name = name;
            this.parent = parent;
            this.traceId = traceId;
        }

        @Override
        public boolean recording() {
            return true;
        }

        @Override
        public void setAttribute(String key, String value) {
            if (value != null) {
                attributes.put(key, value);
            }
        }

        @Override
        public void setAttribute(String key, long value) {
            attributes.put(key, value);
        }

        @Override
        public void setAttribute(String key, boolean value) {
            attributes.put(key, value);
        }

        @Override
        public void setAttribute(String key, List<String> value) {
            attributes.put(key, value);
        }

        @Override
        public void recordError(Throwable failure) {
            throw new AssertionError("the core records errors with their cleaned message", failure);
        }

        @Override
        public void recordError(String type, String message) {
            error = message;
        }

        @Override
        public String traceId() {
            return traceId;
        }

        @Override
        public void end() {
            if (failure != null) {
                throw failure;
            }
            ended = true;
        }

        @Override
        public String toString() {
            return name + attributes;
        }
    }

    /** What every span's end and every counter throws, when set (a broken or departed telemetry bundle). */
    static volatile Error failure;
    final List<TelemetrySettings> started = new CopyOnWriteArrayList<>();
    final AtomicInteger closed = new AtomicInteger();
    final List<RecordedSpan> spans = new CopyOnWriteArrayList<>();
    /** Per metric, per attribute set, the sum of what was added. */
    final Map<String, Map<Map<String, String>, AtomicLong>> metrics = new ConcurrentHashMap<>();
    private final AtomicInteger traces = new AtomicInteger();

    @Override
    public Telemetry start(TelemetrySettings settings) {
        started.add(settings);
        return new Telemetry() {
            @Override
            public TelemetrySpan startSpan(String name, TelemetrySpan parent) {
                RecordedSpan up = (RecordedSpan) parent;
                RecordedSpan span = new RecordedSpan(name, up, up == null
                        ? "%032x".formatted(traces.incrementAndGet()) : up.traceId);
                spans.add(span);
                return span;
            }

            @Override
            public MetricCounter counter(String name, String description) {
                return (amount, attributes) -> {
                    if (failure != null) {
                        throw failure;
                    }
                    metrics.computeIfAbsent(name, key -> new ConcurrentHashMap<>())
                            .computeIfAbsent(new HashMap<>(attributes), key -> new AtomicLong()).addAndGet(amount);
                };
            }

            @Override
            public MetricCounter upDownCounter(String name, String description) {
                return counter(name, description);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }

    RecordedSpan span(String name) {
        return spans.stream().filter(span -> span.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
    }

    /** The sum of a metric over the attribute sets that include those given. */
    long sum(String metric, Map<String, String> attributes) {
        return metrics.getOrDefault(metric, Map.of()).entrySet().stream()
                .filter(entry -> entry.getKey().entrySet().containsAll(attributes.entrySet()))
                .mapToLong(entry -> entry.getValue().get()).sum();
    }
}
