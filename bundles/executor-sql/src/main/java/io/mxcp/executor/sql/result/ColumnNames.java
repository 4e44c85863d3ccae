package io.mxcp.executor.sql.result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes result column names unique the way DuckDB's Python client does before building a DataFrame:
 * case-insensitively, by suffixing {@code _1}, {@code _2}... ({@code a, a, A} becomes {@code a, a_1, A_2}).
 */
public final class ColumnNames {

    private ColumnNames() {
    }

    public static List<String> deduplicate(List<String> names) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> unique = new ArrayList<>(names.size());
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            Integer count = seen.get(lower);
            if (count == null) {
                seen.put(lower, 1);
                unique.add(name);
                continue;
            }
            String candidate = name + "_" + count;
            while (seen.containsKey(candidate.toLowerCase(Locale.ROOT))) {
                count++;
                candidate = name + "_" + count;
            }
            seen.put(lower, count);
            seen.merge(candidate.toLowerCase(Locale.ROOT), 1, Integer::sum);
            unique.add(candidate);
        }
        return unique;
    }
}
