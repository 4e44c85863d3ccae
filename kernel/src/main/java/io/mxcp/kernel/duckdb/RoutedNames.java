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
 * @param version 0 when nothing is routed
 * @param names   each name in lower case (DuckDB's names are case-insensitive): as first routed, and its numbers of
 *                parameters
 */
record RoutedNames(int version, Map<String, Name> names) {

    static final RoutedNames NONE = new RoutedNames(0, Map.of());

    /** One name as SQL calls it. */
    record Name(String spelling, SortedSet<Integer> arities) {
    }

    /** These names with a function's; this instance when its name and arity are known already. */
    RoutedNames with(FunctionSignature signature) {
        String key = signature.name().toLowerCase(Locale.ROOT);
        int arity = signature.parameterTypes().size();
        Name known = names.get(key);
        if (known != null && known.arities().contains(arity)) {
            return this;
        }
        SortedSet<Integer> arities = known == null ? new TreeSet<>() : new TreeSet<>(known.arities());
        arities.add(arity);
        Map<String, Name> next = new HashMap<>(names);
        next.put(key, new Name(known == null ? signature.name() : known.spelling(), arities));
        return new RoutedNames(version + 1, Map.copyOf(next));
    }

    /** The statements declaring every name on a connection (empty when nothing is routed). */
    String macros() {
        return names.values().stream()
                .map(name -> macro(name.spelling(), name.arities()))
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
