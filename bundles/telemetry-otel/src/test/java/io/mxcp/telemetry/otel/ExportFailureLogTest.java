package io.mxcp.telemetry.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class ExportFailureLogTest {

    @Test
    void aCollectorThatIsDownIsLoggedInOneLineOnceAMinuteWhileTelemetryRuns() {
        Logger exporter = Logger.getLogger(ExportFailureLog.LOGGERS.getFirst());
        List<LogRecord> shown = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                shown.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        exporter.addHandler(capture);
        try {
            ExportFailureLog.Hold hold = ExportFailureLog.acquire(URI.create("http://collector.example:4318"));
            RuntimeException failure = new RuntimeException(new ConnectException());
            exporter.log(Level.SEVERE, "Failed to export 12 metrics. The request could not be executed.", failure);
            exporter.log(Level.SEVERE, "Failed to export 13 metrics. The request could not be executed.", failure);
            exporter.log(Level.SEVERE, "Failed to export 1500 spans. The request could not be executed.",
                    new RuntimeException(new java.net.http.HttpTimeoutException("request timed out")));
            exporter.log(Level.SEVERE, "Failed to export logs.", new IllegalStateException(
                    new IllegalArgumentException("unsupported field")));
            exporter.log(Level.WARNING, "Failed to export spans. Server responded with HTTP status code 404. Error "
                    + "message: Not Found");
            hold.close();
            hold.close(); // once only
            exporter.log(Level.SEVERE, "Failed to export 14 metrics. The request could not be executed.", failure);
        } finally {
            exporter.removeHandler(capture);
        }

        assertEquals(List.of("Failed to export 12 metrics. The request could not be executed. (connection refused, "
                + "collector http://collector.example:4318; again at most once a minute)",
                "Failed to export 1500 spans. The request could not be executed. (no answer in time, "
                + "collector http://collector.example:4318; again at most once a minute)",
                "Failed to export logs. (IllegalArgumentException: unsupported field, collector "
                + "http://collector.example:4318; again at most once a minute)",
                "Failed to export spans. Server responded with HTTP status code 404. Error message: Not Found "
                + "(collector http://collector.example:4318; again at most once a minute)",
                "Failed to export 14 metrics. The request could not be executed."),
                shown.stream().map(LogRecord::getMessage).toList());
        assertNull(shown.getFirst().getThrown());
        assertNotNull(shown.getLast().getThrown(), "with telemetry closed, the exporter's logger is as it was");
        assertNull(exporter.getFilter());
    }
}
