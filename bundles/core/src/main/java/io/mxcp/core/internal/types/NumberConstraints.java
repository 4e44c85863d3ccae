package io.mxcp.core.internal.types;

import io.mxcp.core.model.TypeDefinition;

/**
 * Numeric constraints in the reference's order, with its messages; constraint values print as Python
 * floats ({@code Value must be >= 1.0}, quirk A15).
 */
final class NumberConstraints {

    private NumberConstraints() {
    }

    /** Input: multipleOf, minimum, maximum, exclusiveMinimum, exclusiveMaximum. */
    static void checkInput(double value, TypeDefinition type) throws ConversionException {
        if (type.multipleOf() != null && value % type.multipleOf() != 0) {
            throw ConversionException.invalid("Value must be multiple of " + PythonText.floatRepr(type.multipleOf()));
        }
        checkRange(value, type);
        if (type.exclusiveMinimum() != null && value <= type.exclusiveMinimum()) {
            throw ConversionException.invalid("Value must be > " + PythonText.floatRepr(type.exclusiveMinimum()));
        }
        if (type.exclusiveMaximum() != null && value >= type.exclusiveMaximum()) {
            throw ConversionException.invalid("Value must be < " + PythonText.floatRepr(type.exclusiveMaximum()));
        }
    }

    /** Output checks only minimum and maximum. */
    static void checkRange(double value, TypeDefinition type) throws ConversionException {
        if (type.minimum() != null && value < type.minimum()) {
            throw ConversionException.invalid("Value must be >= " + PythonText.floatRepr(type.minimum()));
        }
        if (type.maximum() != null && value > type.maximum()) {
            throw ConversionException.invalid("Value must be <= " + PythonText.floatRepr(type.maximum()));
        }
    }
}
