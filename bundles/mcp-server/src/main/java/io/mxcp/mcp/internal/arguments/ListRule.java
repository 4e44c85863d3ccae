package io.mxcp.mcp.internal.arguments;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code list[item]} with minItems/maxItems; the length is checked once the items are valid. */
record ListRule(ValueRule items, Integer minItems, Integer maxItems) implements ValueRule {

    @Override
    public Object apply(JsonNode value, Location at, Violations violations) {
        if (!value.isArray()) {
            violations.add(at, "Input should be a valid list");
            return null;
        }
        int before = violations.count();
        List<Object> list = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            list.add(items.apply(value.get(i), at.index(i), violations));
        }
        if (violations.count() > before) {
            return null;
        }
        int size = list.size();
        if (minItems != null && size < minItems) {
            violations.add(at, "List should have at least " + minItems + " item" + TextRule.plural(minItems)
                    + " after validation, not " + size);
            return null;
        }
        if (maxItems != null && size > maxItems) {
            violations.add(at, "List should have at most " + maxItems + " item" + TextRule.plural(maxItems)
                    + " after validation, not " + size);
            return null;
        }
        return list;
    }
}
