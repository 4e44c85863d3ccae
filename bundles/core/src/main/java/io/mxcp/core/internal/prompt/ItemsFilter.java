package io.mxcp.core.internal.prompt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;

/**
 * Jinja2's {@code items}, which Jinjava lacks (it printed nothing): a mapping's (key, value) pairs in its order, for
 * {@code {% for k, v in d|items %}}; undefined gives an empty list. A pair prints as a list ({@code ['a', 1]}): the
 * template language has no tuple.
 */
final class ItemsFilter implements Filter {

    @Override
    public String getName() {
        return "items";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        if (var == null) {
            return List.of();
        }
        if (!(var instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("Can only get item pairs from a mapping.");
        }
        List<List<Object>> pairs = new ArrayList<>(map.size());
        map.forEach((key, value) -> pairs.add(Arrays.asList(key, value)));
        return pairs;
    }
}
