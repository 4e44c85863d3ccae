package io.mxcp.mcp.internal.arguments;

import java.util.ArrayList;
import java.util.List;

/** The problems found in one call's arguments, in the order met. */
final class Violations {
    private record Violation(Location location, String message) {
    }

    private List<Violation> found;

    void add(Location location, String message) {
        if (found == null) {
            found = new ArrayList<>(2);
        }
        found.add(new Violation(location, message));
    }

    boolean isEmpty() {
        return found == null;
    }

    int count() {
        return found == null ? 0 : found.size();
    }

    /** pydantic's {@code ValidationError} text: a count line, then each location and its message. */
    String describe(String title) {
        StringBuilder text = new StringBuilder().append(count()).append(" validation error")
                .append(count() == 1 ? "" : "s").append(" for ").append(title);
        for (Violation violation : found) {
            text.append('\n').append(violation.location()).append("\n  ").append(violation.message());
        }
        return text.toString();
    }
}
