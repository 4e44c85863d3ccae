package io.mxcp.kernel.duckdb;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The names SQL calls routed functions by, each with its numbers of parameters, and how a connection declares them:
 * a TEMP MACRO per name forwarding to the function's {@link DispatchingFunctions#entryName entry point} with the
 * connection's key, so that the function learns the connection's caller. DuckDB finds a connection's TEMP macros
 * before the database's functions, and no other connection sees them; the entry point is named with its catalog, so
 * that a macro of that name in the database's own schema does not take the call. Immutable; a new version per added
 * name or arity.
 *
 * @param version  0 when nothing is routed
 * @param arities  the numbers of parameters by name in lower case (DuckDB's names are case-insensitive)
 * @param spelling each name as first routed
 */
record RoutedNames(int version, Map<String, SortedSet<Integer>> arities, Map<String, String> spelling) {

    static final RoutedNames NONE = new RoutedNames(0, Map.of(), Map.of());

    /** These names with a function's; this instance when its name and arity are known already. */
    RoutedNames with(FunctionSignature signature) {
        String key = signature.name().toLowerCase(Locale.ROOT);
        int arity = signature.parameterTypes().size();
        if (arities.getOrDefault(key, new TreeSet<>()).contains(arity)) {
            return this;
        }
        Map<String, SortedSet<Integer>> nextArities = new HashMap<>(arities);
        SortedSet<Integer> known = new TreeSet<>(arities.getOrDefault(key, new TreeSet<>()));
        known.add(arity);
        nextArities.put(key, known);
        Map<String, String> nextSpelling = new HashMap<>(spelling);
        nextSpelling.putIfAbsent(key, signature.name());
        return new RoutedNames(version + 1, Map.copyOf(nextArities), Map.copyOf(nextSpelling));
    }

    /** The statements declaring every name on a connection (empty when nothing is routed). */
    String macros() {
        return arities.entrySet().stream()
                .map(entry -> macro(spelling.get(entry.getKey()), entry.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String macro(String name, SortedSet<Integer> arities) {
        String entry = "system.main." + quoted(DispatchingFunctions.entryName(name));
        return "CREATE OR REPLACE TEMP MACRO " + quoted(name) + arities.stream().map(arity -> {
            String parameters = IntStream.rangeClosed(1, arity).mapToObj(i -> "p" + i)
                    .collect(Collectors.joining(", "));
            return "(" + parameters + ") AS " + entry + "(" + parameters + (arity == 0 ? "" : ", ")
                    + ConnectionValueStore.KEY_SQL + ")";
        }).collect(Collectors.joining(", "));
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
