package io.mxcp.executor.sql.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Matches call arguments to a statement's parameters by name, case-insensitively, and rejects missing or
 * superfluous ones with DuckDB's own messages (the rules of DuckDB's {@code PreparedStatement::VerifyParameters}).
 */
public final class ParameterValues {

    private ParameterValues() {
    }

    /**
     * Returns the values in parameter order.
     *
     * @throws ParameterMismatchException with DuckDB's message when the names do not match
     */
    public static List<Object> inOrder(SqlStatement statement, Map<String, Object> arguments) throws ParameterMismatchException {
        Map<String, String> provided = new TreeMap<>();
        Map<String, Object> byName = new TreeMap<>();
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            String key = argument.getKey().toLowerCase(Locale.ROOT);
            provided.putIfAbsent(key, argument.getKey());
            byName.putIfAbsent(key, argument.getValue());
        }
        List<String> expected = statement.parameterNames();
        boolean allPresent = provided.keySet().containsAll(expected);
        if (expected.size() > provided.size() || (expected.size() == provided.size() && !allPresent)) {
            TreeSet<String> missing = new TreeSet<>(expected);
            missing.removeAll(provided.keySet());
            throw new ParameterMismatchException(
                    "Invalid Input Error: Values were not provided for the following prepared statement parameters: "
                            + String.join(", ", missing));
        }
        if (provided.size() > expected.size()) {
            TreeSet<String> excess = new TreeSet<>();
            provided.forEach((key, original) -> {
                if (!expected.contains(key)) {
                    excess.add(original);
                }
            });
            throw new ParameterMismatchException(
                    "Invalid Input Error: Parameter argument/count mismatch, identifiers of the excess parameters: "
                            + String.join(", ", excess));
        }
        List<Object> values = new ArrayList<>(expected.size());
        for (String name : expected) {
            values.add(byName.get(name));
        }
        return values;
    }

    /** Raised before execution, with the text DuckDB would have reported. */
    public static final class ParameterMismatchException extends Exception {
        private static final long serialVersionUID = 1L;

        ParameterMismatchException(String message) {
            super(message);
        }
    }
}
