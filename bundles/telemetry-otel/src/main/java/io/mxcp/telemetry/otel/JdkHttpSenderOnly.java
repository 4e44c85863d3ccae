package io.mxcp.telemetry.otel;

import java.util.List;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;

/**
 * What the OTLP exporters find when they look for an HTTP sender: the JDK's, always. Their default is a
 * {@link java.util.ServiceLoader} scan of a class loader, which inside OSGi depends on which loader it is given and
 * could pick up another bundle's sender (HOTSWAP rule 9); naming the sender here makes the choice fixed.
 */
final class JdkHttpSenderOnly implements ComponentLoader {

    static final JdkHttpSenderOnly INSTANCE = new JdkHttpSenderOnly();

    private JdkHttpSenderOnly() {
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Iterable<T> load(Class<T> type) {
        if (type == HttpSenderProvider.class) {
            return (List<T>) List.of(new JdkHttpSenderProvider());
        }
        return List.of();
    }
}
