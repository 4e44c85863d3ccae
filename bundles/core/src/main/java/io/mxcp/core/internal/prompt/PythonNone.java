package io.mxcp.core.internal.prompt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.util.HasObjectTruthValue;

/**
 * A variable whose value is None. Jinjava has one null for both "undefined" and "None", but Jinja2 prints
 * an undefined name as nothing and None as {@code None}; so null values handed to a template become this
 * object: false in conditions, {@code None} when printed, and {@code none} for the {@code is none} test.
 */
final class PythonNone implements HasObjectTruthValue {

    static final PythonNone NONE = new PythonNone();

    private PythonNone() {
    }

    /** The value with every null (also inside lists and maps) replaced by {@link #NONE}. */
    static Object wrapNulls(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(wrapNulls(item)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, wrapNulls(v)));
            return copy;
        }
        return value;
    }

    @Override
    public boolean getObjectTruthValue() {
        return false;
    }

    @Override
    public String toString() {
        return "None";
    }

    /** {@code x is none}: true for a None value; false for an undefined name, as in Jinja2. */
    static final class IsNoneTest implements ExpTest {
        @Override
        public String getName() {
            return "none";
        }

        @Override
        public boolean evaluate(Object value, JinjavaInterpreter interpreter, Object... args) {
            return value == NONE;
        }
    }
}
