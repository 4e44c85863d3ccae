package io.mxcp.telemetry.otel;

import java.util.Map;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.mxcp.sdk.telemetry.MetricCounter;

/** A counter of the SDK (monotonic or up-down), as the core sees it. */
final class OtelCounter implements MetricCounter {

    /** Where an amount goes: {@link LongCounter#add} or {@link LongUpDownCounter#add}. */
    private interface Sink {
        void add(long amount, Attributes attributes);
    }

    private final Sink sink;

    private OtelCounter(Sink sink) {
        this.sink = sink;
    }

    static OtelCounter monotonic(LongCounter counter) {
        return new OtelCounter(counter::add);
    }

    static OtelCounter upDown(LongUpDownCounter counter) {
        return new OtelCounter(counter::add);
    }

    @Override
    public void add(long amount, Map<String, String> attributes) {
        AttributesBuilder builder = Attributes.builder();
        attributes.forEach(builder::put);
        sink.add(amount, builder.build());
    }
}
