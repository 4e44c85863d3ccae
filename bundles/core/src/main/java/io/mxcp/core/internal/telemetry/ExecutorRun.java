package io.mxcp.core.internal.telemetry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.mxcp.sdk.exec.EndpointSource;
import io.mxcp.sdk.telemetry.TelemetrySpan;

/**
 * The span and metrics of one executor run (spec 03 §6.2–6.3): {@code mxcp.duckdb.execute} for SQL and
 * {@code mxcp.python.execute} for Python. The core emits them around the executor call, from the source it hands
 * over, so executor bundles carry no telemetry of their own; SQL is identified by a hash, never by its text.
 */
public final class ExecutorRun {

    private static final String SQL = "sql";
    private static final String PYTHON = "python";
    private static final List<String> SQL_OPERATIONS = List.of("select", "insert", "update", "delete", "create", "drop");
    private static final ExecutorRun NONE = new ExecutorRun(CallTelemetry.NONE, NoSpan.INSTANCE, null, null);

    private final CallTelemetry telemetry;
    private final TelemetrySpan span;
    private final String language;
    private final String operation;

    private ExecutorRun(CallTelemetry telemetry, TelemetrySpan span, String language, String operation) {
        this.telemetry = telemetry;
        this.span = span;
        this.language = language;
        this.operation = operation;
    }

    /**
     * Starts the run's span (under the innermost open stage) and counts it running.
     *
     * @param readOnly whether the project's database is opened read-only
     */
    public static ExecutorRun start(CallTelemetry telemetry, EndpointSource source, Map<String, Object> arguments,
            boolean readOnly) {
        if (telemetry == CallTelemetry.NONE) {
            return NONE;
        }
        String language = source.language();
        String operation = switch (language) {
            case SQL -> sqlOperation(source.code());
            case PYTHON -> source.file() == null ? "inline" : "file";
            default -> language;
        };
        TelemetrySpan span = switch (language) {
            case SQL -> telemetry.open("mxcp.duckdb.execute");
            case PYTHON -> telemetry.open("mxcp.python.execute");
            default -> NoSpan.INSTANCE;
        };
        if (span.recording() && SQL.equals(language)) {
            span.setAttribute("db.system", "duckdb");
            span.setAttribute("db.statement.hash", sha256Hex(source.code()).substring(0, 16));
            span.setAttribute("db.operation", operation);
            span.setAttribute("db.parameters.count", arguments.size());
            span.setAttribute("db.readonly", readOnly);
        } else if (span.recording()) {
            span.setAttribute("mxcp.python.type", operation);
            span.setAttribute("mxcp.python.name", source.file() != null ? source.file().getFileName().toString()
                    : "inline_" + sha256Hex(source.code()).substring(0, 8));
            span.setAttribute("mxcp.python.params.count", arguments.size());
        }
        telemetry.metrics().executionStarted(language, operation);
        return new ExecutorRun(telemetry, span, language, operation);
    }

    /** The executor returned. */
    public void succeeded(Object result) {
        if (span.recording() && SQL.equals(language) && result instanceof List<?> rows) {
            span.setAttribute("db.rows_affected", rows.size());
        }
        telemetry.close(span);
        telemetry.metrics().executionEnded(language, operation, true);
    }

    /** The executor failed with the error. */
    public void failed(Throwable error) {
        telemetry.close(span, error);
        telemetry.metrics().executionEnded(language, operation, false);
    }

    /** {@code select}, {@code insert}, ... by the statement's first word, else {@code unknown}. */
    static String sqlOperation(String sql) {
        String start = sql.stripLeading().toLowerCase(Locale.ROOT);
        for (String operation : SQL_OPERATIONS) {
            if (start.startsWith(operation)) {
                return operation;
            }
        }
        return "unknown";
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
