package io.mxcp.core.internal.prompt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;

/**
 * Jinja2's {@code max} and {@code min}, which Jinjava lacks (they printed nothing):
 * {@code max(value, case_sensitive=false, attribute=none)} gives the largest item itself, compared by the attribute
 * when one is named; strings compare ignoring case unless asked; a mapping's keys are its items; an empty sequence
 * gives undefined (prints nothing), as in Jinja2.
 */
final class ExtremeFilter implements Filter {

    private final String name;
    private final boolean largest;

    private ExtremeFilter(String name, boolean largest) {
        this.name = name;
        this.largest = largest;
    }

    static Filter max() {
        return new ExtremeFilter("max", true);
    }

    static Filter min() {
        return new ExtremeFilter("min", false);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return filter(var, interpreter, args, Map.of());
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        boolean caseSensitive = Boolean.TRUE.equals(argument(args, kwargs, 0, "case_sensitive"));
        Object attribute = argument(args, kwargs, 1, "attribute");
        List<String> path = attribute == null ? List.of() : List.of(attribute.toString().split("\\."));
        Object best = null;
        Object bestKey = null;
        for (Object item : items(var)) {
            // each item's key once: the attribute is looked up per item, not again for the best at each comparison
            Object key = PythonOrder.key(path.isEmpty() ? item : interpreter.resolveProperty(item, path), caseSensitive);
            int order = best == null ? 0 : PythonOrder.INSTANCE.compare(key, bestKey);
            if (best == null || (largest ? order > 0 : order < 0)) {
                best = item;
                bestKey = key;
            }
        }
        return best;
    }

    private static Object argument(Object[] args, Map<String, Object> kwargs, int at, String name) {
        return at < args.length ? args[at] : kwargs.get(name);
    }

    /** A value's items as Python iterates them: a mapping's keys, a string's characters, a single value alone. */
    static Collection<?> items(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.keySet();
        }
        if (value instanceof Collection<?> collection) {
            return collection;
        }
        if (value instanceof String text) {
            List<String> characters = new ArrayList<>();
            text.codePoints().forEach(c -> characters.add(Character.toString(c)));
            return characters;
        }
        return value == null ? List.of() : List.of(value);
    }

    /** Python's ordering of the values a template holds: numbers by value, text by code point. */
    enum PythonOrder implements Comparator<Object> {
        INSTANCE;

        /** What an item compares by: its text lowered unless case counts. */
        static Object key(Object value, boolean caseSensitive) {
            return value instanceof String text && !caseSensitive ? text.toLowerCase(Locale.ROOT) : value;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public int compare(Object a, Object b) {
            if (a instanceof Number x && b instanceof Number y) {
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            if (a instanceof Comparable x && b != null && a.getClass() == b.getClass()) {
                return x.compareTo(b);
            }
            throw new PythonStringMethods.PythonError("'>' not supported between instances of '"
                    + PythonTypeName.of(a) + "' and '" + PythonTypeName.of(b) + "'");
        }
    }
}
