package io.mxcp.core.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDecorator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;

import io.mxcp.core.internal.types.PythonText;

/**
 * Floating-point numbers in JSON as the original writes them (Python's {@code repr}): {@code 48170000.0},
 * {@code 1e-05}, {@code 1e+16} rather than Java's {@code 4.817E7}, {@code 1.0E-5}, {@code 1.0E16}. Both are valid
 * JSON; this form is the one existing clients, tests and people read, and the one a sum of money takes. Added to a
 * {@link JsonFactory} ({@code JsonFactory.builder().addDecorator(PythonFloats.DECORATOR)}), it covers values and
 * trees alike. NaN and infinities are left to Jackson.
 *
 * @since 1.11
 */
public final class PythonFloats {
    public static final JsonGeneratorDecorator DECORATOR = PythonFloats::decorate;

    private PythonFloats() {
    }

    /** A JSON factory whose generators write floats as Python does. */
    public static JsonFactory factory() {
        return JsonFactory.builder().addDecorator(DECORATOR).build();
    }

    /** Python's text of a float ({@code str} and {@code repr} agree). */
    public static String text(double value) {
        return PythonText.floatRepr(value);
    }

    /** A float (FLOAT, REAL) as the shortest digits of the float itself, not of its widening to double. */
    public static String text(float value) {
        return text(Double.parseDouble(Float.toString(value)));
    }

    private static JsonGenerator decorate(JsonFactory factory, JsonGenerator generator) {
        return new JsonGeneratorDelegate(generator, true) {
            @Override
            public void writeNumber(double value) throws IOException {
                if (Double.isFinite(value)) {
                    delegate.writeNumber(text(value));
                } else {
                    delegate.writeNumber(value);
                }
            }

            @Override
            public void writeNumber(float value) throws IOException {
                if (Float.isFinite(value)) {
                    delegate.writeNumber(text(value));
                } else {
                    delegate.writeNumber(value);
                }
            }
        };
    }
}
