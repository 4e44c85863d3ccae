package io.mxcp.telemetry.otel;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * {@code tracing.console_export}: each finished span as one JSON line on standard error. The original prints to
 * standard output, which would corrupt the stdio transport's protocol stream.
 */
final class ConsoleSpanExporter implements SpanExporter {

    private static final JsonFactory JSON = new JsonFactory();

    private final PrintStream out;

    ConsoleSpanExporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        StringBuilder lines = new StringBuilder();
        for (SpanData span : spans) {
            lines.append(line(span)).append('\n');
        }
        out.print(lines);
        out.flush();
        return CompletableResultCode.ofSuccess();
    }

    /** {@code {"name", "trace_id", "span_id", "parent_id", "start_ns", "end_ns", "status", "attributes"}}. */
    static String line(SpanData span) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("name", span.getName());
            json.writeStringField("trace_id", span.getTraceId());
            json.writeStringField("span_id", span.getSpanId());
            json.writeStringField("parent_id", span.getParentSpanContext().isValid() ? span.getParentSpanId() : null);
            json.writeNumberField("start_ns", span.getStartEpochNanos());
            json.writeNumberField("end_ns", span.getEndEpochNanos());
            json.writeStringField("status", span.getStatus().getStatusCode().name());
            if (!span.getStatus().getDescription().isEmpty()) {
                json.writeStringField("status_message", span.getStatus().getDescription());
            }
            json.writeObjectFieldStart("attributes");
            for (var attribute : span.getAttributes().asMap().entrySet()) {
                writeValue(json, attribute.getKey(), attribute.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeValue(JsonGenerator json, AttributeKey<?> key, Object value) throws IOException {
        json.writeFieldName(key.getKey());
        switch (value) {
            case Boolean b -> json.writeBoolean(b);
            case Long l -> json.writeNumber(l);
            case Double d -> json.writeNumber(d);
            case Collection<?> list -> {
                json.writeStartArray();
                for (Object item : list) {
                    json.writeString(String.valueOf(item));
                }
                json.writeEndArray();
            }
            default -> json.writeString(String.valueOf(value));
        }
    }

    @Override
    public CompletableResultCode flush() {
        out.flush();
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return flush();
    }
}
