package io.mxcp.mcp.internal.arguments;

import io.mxcp.core.model.TypeDefinition;

/** The numeric constraints of a type, checked in pydantic's order: multipleOf, maximum, exclusiveMaximum, minimum, exclusiveMinimum. */
record NumberBounds(Double minimum, Double maximum, Double exclusiveMinimum, Double exclusiveMaximum,
        Double multipleOf) {

    static NumberBounds of(TypeDefinition type) {
        return new NumberBounds(type.minimum(), type.maximum(), type.exclusiveMinimum(), type.exclusiveMaximum(),
                type.multipleOf());
    }

    /** The number when it keeps every bound; else null, with a violation recorded at {@code at}. */
    Number check(Number number, Location at, Violations violations) {
        String violation = violation(number.doubleValue());
        if (violation != null) {
            violations.add(at, violation);
            return null;
        }
        return number;
    }

    /** pydantic's message for the first bound the value breaks, or null. */
    private String violation(double value) {
        if (multipleOf != null && !isMultiple(value, multipleOf)) {
            return "Input should be a multiple of " + repr(multipleOf);
        }
        if (maximum != null && !(value <= maximum)) {
            return "Input should be less than or equal to " + repr(maximum);
        }
        if (exclusiveMaximum != null && !(value < exclusiveMaximum)) {
            return "Input should be less than " + repr(exclusiveMaximum);
        }
        if (minimum != null && !(value >= minimum)) {
            return "Input should be greater than or equal to " + repr(minimum);
        }
        if (exclusiveMinimum != null && !(value > exclusiveMinimum)) {
            return "Input should be greater than " + repr(exclusiveMinimum);
        }
        return null;
    }

    /** Tolerates the rounding of a float remainder the way pydantic does (relative to the value). */
    private static boolean isMultiple(double value, double multipleOf) {
        double remainder = value % multipleOf;
        double tolerance = Math.abs(value) / 1e9;
        return Math.abs(remainder) <= tolerance || Math.abs(Math.abs(remainder) - Math.abs(multipleOf)) <= tolerance;
    }

    /** A bound as the YAML most likely wrote it: whole numbers without a fraction ({@code 0}, not {@code 0.0}). */
    static String repr(double bound) {
        if (bound == Math.rint(bound) && !Double.isInfinite(bound) && Math.abs(bound) < 1e15) {
            return Long.toString((long) bound);
        }
        return Double.toString(bound);
    }
}
