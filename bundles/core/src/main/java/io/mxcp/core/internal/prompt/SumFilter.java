package io.mxcp.core.internal.prompt;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;

/**
 * Jinja2's {@code sum(iterable, attribute=none, start=0)}, with Python's arithmetic. Jinjava's took its first
 * argument for the start (so {@code sum('price')} summed nothing by price), ignored a named {@code start}, and added
 * through {@code BigDecimal} of each double ({@code [0.1, 0.2] | sum} printed 55 digits).
 */
final class SumFilter implements Filter {

    @Override
    public String getName() {
        return "sum";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return filter(var, interpreter, args, Map.of());
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        Object attribute = args.length > 0 ? args[0] : kwargs.get("attribute");
        Object start = args.length > 1 ? args[1] : kwargs.getOrDefault("start", 0L);
        List<String> path = attribute == null ? List.of() : List.of(attribute.toString().split("\\."));
        Number total = number(start);
        for (Object item : ExtremeFilter.items(var)) {
            total = add(total, number(path.isEmpty() ? item : interpreter.resolveProperty(item, path)));
        }
        return total;
    }

    private static Number number(Object value) {
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof Boolean flag) {
            return flag ? 1L : 0L;
        }
        throw new PythonStringMethods.PythonError("unsupported operand type(s) for +: 'int' and '"
                + PythonTypeName.of(value) + "'");
    }

    /** Whole numbers stay whole (and exact past a long), any float makes the sum a float. */
    private static Number add(Number a, Number b) {
        if (isWhole(a) && isWhole(b)) {
            BigInteger sum = whole(a).add(whole(b));
            return sum.bitLength() < 64 ? (Number) sum.longValue() : sum;
        }
        return a.doubleValue() + b.doubleValue();
    }

    private static boolean isWhole(Number number) {
        return number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger;
    }

    private static BigInteger whole(Number number) {
        return number instanceof BigInteger big ? big : BigInteger.valueOf(number.longValue());
    }
}
