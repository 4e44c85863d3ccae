package io.mxcp.core.internal.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Matches baseline and current items by key and lists the changes in the reference's order: added items (current
 * order), removed ones (baseline order), then modified ones (baseline order).
 */
final class KeyedChanges {

    /** The change of an item found on both sides, if it changed. */
    interface Modification<T, C> {
        Optional<C> of(String key, T before, T after);
    }

    private KeyedChanges() {
    }

    static <T, C> List<C> of(Map<String, T> before, Map<String, T> after, BiFunction<String, T, C> added,
            BiFunction<String, T, C> removed, Modification<T, C> modified) {
        List<C> changes = new ArrayList<>();
        after.forEach((key, item) -> {
            if (!before.containsKey(key)) {
                changes.add(added.apply(key, item));
            }
        });
        before.forEach((key, item) -> {
            if (!after.containsKey(key)) {
                changes.add(removed.apply(key, item));
            }
        });
        before.forEach((key, item) -> {
            if (after.containsKey(key)) {
                modified.of(key, item, after.get(key)).ifPresent(changes::add);
            }
        });
        return changes;
    }
}
