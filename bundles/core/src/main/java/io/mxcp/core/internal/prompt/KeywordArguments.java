package io.mxcp.core.internal.prompt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;

/**
 * One of Jinjava's filters called as Jinja2 calls it: Jinjava appends named arguments after the positional ones,
 * whatever their names, so {@code sort(attribute="score")} reached its filter as {@code sort("score")} and sorted by
 * nothing. Here each named argument goes to its parameter's place, the ones skipped before it get Jinja2's defaults,
 * and a name the filter does not have is refused as Python refuses it.
 */
final class KeywordArguments implements Filter {

    /** A parameter of the filter after its input, with the default Jinja2 gives it (as Jinjava reads it). */
    record Parameter(String name, Object defaultValue) {
    }

    private final Filter filter;
    private final List<Parameter> parameters;

    KeywordArguments(Filter filter, Parameter... parameters) {
        this.filter = filter;
        this.parameters = List.of(parameters);
    }

    @Override
    public String getName() {
        return filter.getName();
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return filter.filter(var, interpreter, args);
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        if (kwargs.isEmpty()) {
            return filter.filter(var, interpreter, args, kwargs);
        }
        List<Object> positional = new ArrayList<>(Arrays.asList(args));
        int last = positional.size() - 1;
        for (String name : kwargs.keySet()) {
            int at = indexOf(name);
            if (at < 0) {
                throw new IllegalArgumentException(getName() + "() got an unexpected keyword argument '" + name + "'");
            }
            if (at < args.length) {
                throw new IllegalArgumentException(getName() + "() got multiple values for argument '" + name + "'");
            }
            last = Math.max(last, at);
        }
        for (int at = positional.size(); at <= last; at++) {
            Parameter parameter = parameters.get(at);
            positional.add(kwargs.getOrDefault(parameter.name(), parameter.defaultValue()));
        }
        return filter.filter(var, interpreter, positional.toArray(), Map.of());
    }

    private int indexOf(String name) {
        for (int at = 0; at < parameters.size(); at++) {
            if (parameters.get(at).name().equals(name)) {
                return at;
            }
        }
        return -1;
    }
}
