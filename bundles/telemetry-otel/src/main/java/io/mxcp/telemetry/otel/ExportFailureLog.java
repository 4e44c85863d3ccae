package io.mxcp.telemetry.otel;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.mxcp.sdk.http.ExchangeFailure;

/**
 * Keeps a collector that is down from filling the server's log. The OTLP exporter logs each failed export with the
 * exception's whole stack (some 25 lines) and the metric reader adds a line of its own, at every export interval.
 * While telemetry runs, their records name the exception in one line instead of its stack, and messages that differ
 * only in their numbers ({@code Failed to export 12 metrics}) are shown at most once a minute.
 *
 * <p>The filter is set on the exporter's own logger (a filter applies where a record is logged, not on parents) and
 * removed again when the last telemetry closes — only if it still is this bundle's, so a newer version of the bundle
 * keeps its own and no filter of a removed version stays in the JVM-wide logging (HOTSWAP rule 2).
 */
final class ExportFailureLog implements Filter {

    static final List<String> LOGGERS = List.of("io.opentelemetry.exporter.otlp.internal.HttpExporter",
            "io.opentelemetry.sdk.metrics.export.PeriodicMetricReader",
            "io.opentelemetry.sdk.trace.export.BatchSpanProcessor");
    private static final long REPEAT_NANOS = Duration.ofMinutes(1).toNanos();
    private static final int MAX_MESSAGES = 64;
    private static final ExportFailureLog INSTANCE = new ExportFailureLog();
    /** Held: java.util.logging keeps loggers only weakly, and a collected logger would lose its filter. */
    private static final List<Logger> EXPORTER_LOGGERS = LOGGERS.stream().map(Logger::getLogger).toList();
    private static int users;
    /** The collectors of the telemetries using the filter, for the log lines. */
    private static volatile List<String> collectors = List.of();

    private final Map<String, Long> lastShown = new ConcurrentHashMap<>();

    private ExportFailureLog() {
    }

    /**
     * Filters the exporters' logs until the returned hold is closed.
     *
     * @param collector the OTLP endpoint the telemetry exports to, named in the log lines; null for none
     */
    static Hold acquire(URI collector) {
        synchronized (ExportFailureLog.class) {
            if (users++ == 0) {
                EXPORTER_LOGGERS.forEach(logger -> logger.setFilter(INSTANCE));
            }
            if (collector != null) {
                List<String> more = new ArrayList<>(collectors);
                more.add(collector.toString());
                collectors = List.copyOf(more);
            }
        }
        return new Hold(collector);
    }

    /** One telemetry's use of the filter. */
    static final class Hold implements AutoCloseable {
        private final URI collector;
        private boolean closed;

        private Hold(URI collector) {
            this.collector = collector;
        }

        @Override
        public void close() {
            synchronized (ExportFailureLog.class) {
                if (closed) {
                    return;
                }
                closed = true;
                if (collector != null) {
                    List<String> fewer = new ArrayList<>(collectors);
                    fewer.remove(collector.toString());
                    collectors = List.copyOf(fewer);
                }
                if (--users == 0) {
                    EXPORTER_LOGGERS.stream().filter(logger -> logger.getFilter() == INSTANCE)
                            .forEach(logger -> logger.setFilter(null));
                }
            }
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String kind = String.valueOf(record.getMessage()).replaceAll("\\d+", "#");
        long now = System.nanoTime();
        Long shown = lastShown.get(kind);
        if (shown != null && now - shown < REPEAT_NANOS) {
            return false;
        }
        if (lastShown.size() >= MAX_MESSAGES) {
            lastShown.clear(); // messages of many kinds: forget rather than grow
        }
        lastShown.put(kind, now);
        // a collector's own refusal (HTTP 404 for a wrong path, 401, 503) comes without an exception: it is the one
        // most in need of the collector's address
        Throwable thrown = record.getThrown();
        String collector = where();
        if (thrown != null || (!collector.isEmpty() && record.getLevel().intValue() >= Level.WARNING.intValue())) {
            String detail = thrown != null ? reason(thrown) + collector : collector.substring(", ".length());
            record.setMessage(record.getMessage() + " (" + detail + "; again at most once a minute)");
            record.setThrown(null);
        }
        return true;
    }

    /**
     * The failure in words: a failed exchange as the other HTTP clients of the server word it ({@code connection
     * refused}, {@code no answer in time}), anything else by its root cause.
     */
    private static String reason(Throwable thrown) {
        Throwable cause = thrown;
        while (true) {
            if (cause instanceof IOException exchange) {
                return ExchangeFailure.reason(exchange);
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        String name = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
    }

    private static String where() {
        List<String> shown = collectors;
        return shown.isEmpty() ? "" : ", collector " + String.join(" or ", shown);
    }
}
